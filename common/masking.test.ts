import { describe, expect, it } from 'vitest';
import { maskName, maskPhone, normalizePhoneDigits } from './masking.ts';

describe('masking names', () => {
  it.each([
    ['Nguyễn Văn An', 'Nguyễn V. A.'],
    ['Tôn Nữ Thị Ngọc Hà', 'Tôn N. T. N. H.'],
    ['  Trần   thị   ánh  ', 'Trần T. Á.'],
    ['Lê đức', 'Lê Đ.'],
    ['Phạm Ỷ Lan', 'Phạm Ỷ. L.'],
    ['An', 'A.'],
    ['ánh', 'Á.'],
    ['Nguyễn\tVăn\nAn', 'Nguyễn V. A.'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('gives the same result for decomposed (NFD) input', () => {
    const decomposed = 'Nguyễn Ánh Ước'.normalize('NFD');
    expect(decomposed).not.toBe('Nguyễn Ánh Ước');
    expect(maskName(decomposed)).toBe('Nguyễn Á. Ư.');
  });
});

describe('masking phones', () => {
  it.each([
    ['0912345123', '09xx xxx 123'],
    ['0912 345 123', '09xx xxx 123'],
    ['091.234.5123', '09xx xxx 123'],
    ['+84 912 345 123', '09xx xxx 123'],
    ['84912345123', '09xx xxx 123'],
    ['(028) 3823 4567', '02xx xxxx 567'],
    ['12345', 'xxxxx'],
    ['', ''],
  ])('%j → %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('normalises +84 to a leading 0 and keeps other numbers as they are', () => {
    expect(normalizePhoneDigits('+84-912-345-123')).toBe('0912345123');
    expect(normalizePhoneDigits('0841234567')).toBe('0841234567');
  });
});
