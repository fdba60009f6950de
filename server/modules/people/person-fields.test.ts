import { describe, expect, it } from 'vitest';
import { cellDate, cellIdNumber, cellPhone, cellText } from './import/parse.ts';
import { phonePrefixOf } from './people.search.ts';
import {
  adultBornOnOrBefore,
  checkPersonRules,
  isMinorOn,
  normalizeName,
  normalizePhone,
  PHONE_PATTERN,
} from './person-fields.ts';

describe('person fields (pure)', () => {
  it('normalises phone numbers', () => {
    expect(normalizePhone('0912 345.678')).toBe('0912345678');
    expect(normalizePhone('0912-345-678')).toBe('0912345678');
    expect(normalizePhone('+84 912 345 678')).toBe('0912345678');
    expect(normalizePhone('84912345678')).toBe('0912345678');
    expect(PHONE_PATTERN.test(normalizePhone('912345678'))).toBe(false);
  });

  it('composes and collapses names', () => {
    expect(normalizeName('  Nguye\u0302\u0303n   Văn\tA ')).toBe('Nguyễn Văn A');
  });

  it('decides who is a minor, on the 18th birthday and on 29 February', () => {
    expect(isMinorOn({ birthDate: '2008-11-22', category: 'youth' }, '2026-11-21')).toBe(true);
    expect(isMinorOn({ birthDate: '2008-11-22', category: 'youth' }, '2026-11-22')).toBe(false);
    expect(isMinorOn({ birthDate: null, category: 'teen' }, '2026-11-22')).toBe(true);
    expect(isMinorOn({ birthDate: null, category: 'member' }, '2026-11-22')).toBe(false);
    expect(isMinorOn({ birthDate: '1990-01-01', category: 'teen' }, '2026-11-22')).toBe(false);
    expect(adultBornOnOrBefore('2026-11-22')).toBe('2008-11-22');
    expect(adultBornOnOrBefore('2028-02-29')).toBe('2010-02-28');
    // Born 29/02/2008: still a minor on 28/02/2026, an adult on 01/03/2026 — both rules agree.
    for (const today of ['2026-02-28', '2026-03-01']) {
      const bySql = '2008-02-29' > adultBornOnOrBefore(today);
      expect(isMinorOn({ birthDate: '2008-02-29', category: 'youth' }, today)).toBe(bySql);
    }
  });

  it('checks the rules between fields', () => {
    const ok = {
      category: 'member',
      isFullTime: null,
      birthDate: '2000-01-01',
      joinDate: '2016-03-26',
    };
    expect(checkPersonRules(ok, '2026-11-22')).toEqual([]);
    expect(
      checkPersonRules(
        { ...ok, category: 'cadre', isFullTime: true, joinDate: null },
        '2026-11-22',
      ),
    ).toEqual([]);
    expect(
      checkPersonRules(
        { ...ok, category: 'youth', isFullTime: false, joinDate: null },
        '2026-11-22',
      ),
    ).toEqual([]);
    expect(
      checkPersonRules({ ...ok, category: 'youth', isFullTime: true }, '2026-11-22').map(
        (p) => p.field,
      ),
    ).toEqual(['joinDate', 'isFullTime']);
  });

  it('tells digit queries from names', () => {
    expect(phonePrefixOf('0912 34')).toBe('091234');
    expect(phonePrefixOf('0912.34')).toBe('091234');
    expect(phonePrefixOf('nguyen 09')).toBeNull();
    expect(phonePrefixOf('')).toBeNull();
  });
});

describe('Excel cells (pure)', () => {
  it('reads text from any cell kind', () => {
    expect(cellText(null)).toBeNull();
    expect(cellText('  ')).toBeNull();
    expect(cellText(' Nguyễn ')).toBe('Nguyễn');
    expect(cellText(1099012345)).toBe('1099012345');
    expect(cellText({ richText: [{ text: 'Đoàn ' }, { text: 'viên' }] })).toBe('Đoàn viên');
    expect(cellText({ formula: 'A1', result: 'Nam' })).toBe('Nam');
    expect(cellText({ text: 'a@b.vn', hyperlink: 'mailto:a@b.vn' })).toBe('a@b.vn');
  });

  it('reads dates from date cells and dd/mm/yyyy text, refusing the rest', () => {
    expect(cellDate(new Date(Date.UTC(2004, 8, 2)))).toEqual({ ok: true, value: '2004-09-02' });
    expect(cellDate('02/09/2004')).toEqual({ ok: true, value: '2004-09-02' });
    expect(cellDate('2/9/2004')).toEqual({ ok: true, value: '2004-09-02' });
    expect(cellDate('2004-09-02')).toEqual({ ok: true, value: '2004-09-02' });
    expect(cellDate(null)).toEqual({ ok: true, value: null });
    expect(cellDate('30/02/2004')).toEqual({ ok: false });
    expect(cellDate('09/2004')).toEqual({ ok: false });
    expect(cellDate(38000)).toEqual({ ok: false });
    expect(cellDate({ formula: 'DATE(2004,9,2)', result: new Date(Date.UTC(2004, 8, 2)) })).toEqual(
      {
        ok: true,
        value: '2004-09-02',
      },
    );
  });

  it('restores leading zeros lost in number cells', () => {
    expect(cellPhone(912345678)).toBe('0912345678');
    expect(cellPhone('0912 345 678')).toBe('0912345678');
    expect(cellIdNumber(1099012345)).toBe('001099012345'); // CCCD of Hà Nội (province code 001)
    expect(cellIdNumber(79099012345)).toBe('079099012345');
    expect(cellIdNumber(123456789012)).toBe('123456789012');
    expect(cellIdNumber(12345678)).toBe('012345678'); // old CMND
    expect(cellIdNumber('0010 9901 2345')).toBe('001099012345');
  });
});
