import { describe, expect, it } from 'vitest';
import { decodeQrOnPage, oneLine, pdfText } from '../certificates.test-helpers.ts';
import type { CertificateDocument } from './certificate-pdf.ts';
import { renderCertificatePdf, UNION_NAME } from './certificate-pdf.ts';

const NAME = 'Nguyễn Thị Ánh Tuyết';
const TITLE =
  'Cuộc thi trực tuyến “Tuổi trẻ Tây Ninh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” năm 2026 – Tuần 3';

const certificate: CertificateDocument = {
  code: '7KQ2M9XD4PRT',
  // As a phone keyboard may send it: decomposed marks.
  holderName: NAME.normalize('NFD'),
  title: TITLE,
  resultText: 'Đạt giải Nhất',
  issuerName: 'Tỉnh đoàn Tây Ninh',
  place: 'Tây Ninh',
  issuedOn: '2026-02-05',
  signerTitle: 'Bí thư Tỉnh đoàn',
  signerName: 'Trần Văn Quyết',
};

describe('certificate PDF', () => {
  it('reads back in Vietnamese, composed: union, heading, holder, result, title, date, code', async () => {
    const pdf = await renderCertificatePdf(certificate, 'https://phuxanh.tayninh.vn');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = oneLine(await pdfText(pdf));
    expect(text).toContain(UNION_NAME);
    expect(text).toContain('TỈNH ĐOÀN TÂY NINH');
    expect(text).toContain('GIẤY CHỨNG NHẬN');
    // The decomposed input comes out as the composed name, letter for letter.
    expect(text).toContain(NAME);
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toContain('Đạt giải Nhất');
    expect(text).toContain(TITLE);
    expect(text).toContain('Tây Ninh, ngày 05 tháng 02 năm 2026');
    expect(text).toContain('BÍ THƯ TỈNH ĐOÀN');
    expect(text).toContain('Trần Văn Quyết');
    expect(text).toContain('Mã xác thực: 7KQ2-M9XD-4PRT');
  });

  it('is landscape A4 with the Be Vietnam Pro faces embedded', async () => {
    const pdf = await renderCertificatePdf(certificate, 'https://phuxanh.tayninh.vn');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    expect(raw).toContain('BeVietnamPro-Bold');
    expect(raw).not.toContain('Helvetica');
  });

  it('carries a QR code that scans back to the public verification page of its code', async () => {
    const pdf = await renderCertificatePdf(certificate, 'https://phuxanh.tayninh.vn');
    expect(await decodeQrOnPage(pdf)).toBe('https://phuxanh.tayninh.vn/xac-thuc/7KQ2M9XD4PRT');
  });

  it('prints the issuing unit where no signer is given', async () => {
    const pdf = await renderCertificatePdf(
      { ...certificate, signerTitle: null, signerName: null, resultText: 'Đã hoàn thành' },
      'http://localhost:3000',
    );
    const text = oneLine(await pdfText(pdf));
    expect(text).toContain('Đã hoàn thành');
    expect(text.match(/TỈNH ĐOÀN TÂY NINH/g)).toHaveLength(2);
    expect(text).not.toContain('Trần Văn Quyết');
  });
});
