import PDFDocument from 'pdfkit';
import { documentDateLine } from '../../../../common/document-date.ts';
import { formatCertificateCode } from '../certificate-code.ts';
import { certificateFonts, regularFontFile } from './fonts.ts';
import { drawQrCode } from './qr.ts';

/** What a certificate prints. Everything comes from the stored certificate, never from a join. */
export type CertificateDocument = {
  code: string;
  holderName: string;
  title: string;
  resultText: string;
  issuerName: string;
  place: string;
  issuedOn: string;
  signerTitle: string | null;
  signerName: string | null;
};

export const UNION_NAME = 'ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH';

const COLORS = {
  paper: '#FFFDF6',
  frame: '#0B4F9C',
  gold: '#C59A2E',
  heading: '#C62828',
  ink: '#1F2937',
  name: '#0B3D7A',
  muted: '#6B7280',
};

/** Public address of the verification page for a code. */
export function verificationUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/xac-thuc/${code}`;
}

// pdfkit composes marks itself, but a name typed on a phone may come decomposed (NFD): put every
// text in NFC first so each letter is one glyph and reads back exactly.
const nfc = (text: string) => text.normalize('NFC');

function drawFrame(doc: PDFKit.PDFDocument, width: number, height: number): void {
  doc.rect(0, 0, width, height).fill(COLORS.paper);
  doc
    .lineWidth(6)
    .rect(22, 22, width - 44, height - 44)
    .stroke(COLORS.frame);
  doc
    .lineWidth(1.2)
    .rect(34, 34, width - 68, height - 68)
    .stroke(COLORS.gold);
  // Small gold diamonds in the corners of the inner frame.
  for (const [cx, cy] of [
    [34, 34],
    [width - 34, 34],
    [34, height - 34],
    [width - 34, height - 34],
  ] as const) {
    doc
      .moveTo(cx, cy - 7)
      .lineTo(cx + 7, cy)
      .lineTo(cx, cy + 7)
      .lineTo(cx - 7, cy)
      .closePath()
      .fill(COLORS.gold);
  }
}

function centered(
  doc: PDFKit.PDFDocument,
  text: string,
  y: number,
  font: string,
  size: number,
  color: string,
  options: { width?: number; characterSpacing?: number } = {},
): number {
  const width = options.width ?? doc.page.width - 160;
  const x = (doc.page.width - width) / 2;
  doc.font(font).fontSize(size).fillColor(color);
  const textOptions = {
    width,
    align: 'center' as const,
    characterSpacing: options.characterSpacing,
  };
  doc.text(nfc(text), x, y, textOptions);
  return y + doc.heightOfString(nfc(text), textOptions);
}

/** Landscape A4, in Vietnamese, with a QR code to the public verification page. */
export function renderCertificatePdf(
  certificate: CertificateDocument,
  publicUrl: string,
): Promise<Buffer> {
  const fonts = certificateFonts();
  const url = verificationUrl(publicUrl, certificate.code);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    font: regularFontFile(),
    info: {
      Title: nfc(`Giấy chứng nhận – ${certificate.holderName}`),
      Subject: nfc(certificate.title),
      Author: nfc(certificate.issuerName),
      Keywords: formatCertificateCode(certificate.code),
    },
  });
  // pdfkit accepts a fontkit font where its types only list file names and buffers.
  for (const [name, font] of Object.entries(fonts)) {
    doc.registerFont(name, font as unknown as PDFKit.Mixins.PDFFontSource);
  }
  doc.font('regular');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { width, height } = doc.page;
  drawFrame(doc, width, height);

  let y = centered(doc, UNION_NAME, 72, 'semibold', 13, COLORS.frame, { characterSpacing: 0.6 });
  y = centered(
    doc,
    certificate.issuerName.toLocaleUpperCase('vi'),
    y + 4,
    'bold',
    14,
    COLORS.frame,
  );
  doc
    .moveTo(width / 2 - 70, y + 8)
    .lineTo(width / 2 + 70, y + 8)
    .lineWidth(1)
    .stroke(COLORS.gold);

  y = centered(doc, 'GIẤY CHỨNG NHẬN', y + 36, 'bold', 42, COLORS.heading, {
    characterSpacing: 2,
  });
  y = centered(doc, 'Chứng nhận', y + 16, 'italic', 15, COLORS.ink);
  y = centered(doc, certificate.holderName, y + 10, 'bold', 32, COLORS.name);
  y = centered(doc, certificate.resultText, y + 18, 'semibold', 18, COLORS.heading);
  centered(doc, certificate.title, y + 8, 'regular', 15, COLORS.ink, { width: width - 260 });

  // Bottom right: place and date, then who signs.
  const signX = width - 340;
  const signWidth = 280;
  const dateLine = documentDateLine(certificate.place, certificate.issuedOn);
  doc.font('italic').fontSize(12).fillColor(COLORS.ink);
  doc.text(nfc(dateLine), signX, height - 178, { width: signWidth, align: 'center' });
  const signer = certificate.signerTitle ?? certificate.issuerName;
  doc.font('bold').fontSize(12).fillColor(COLORS.ink);
  doc.text(nfc(signer.toLocaleUpperCase('vi')), signX, height - 158, {
    width: signWidth,
    align: 'center',
  });
  if (certificate.signerName) {
    doc.font('bold').fontSize(13);
    doc.text(nfc(certificate.signerName), signX, height - 86, {
      width: signWidth,
      align: 'center',
    });
  }

  // Bottom left: the QR code and the code itself, for those who type it.
  const qrSize = 92;
  const qrX = 64;
  const qrY = height - 64 - qrSize - 26;
  drawQrCode(doc, url, qrX, qrY, qrSize);
  doc.font('semibold').fontSize(10).fillColor(COLORS.ink);
  doc.text(`Mã xác thực: ${formatCertificateCode(certificate.code)}`, qrX + qrSize + 12, qrY + 30, {
    width: 240,
  });
  doc.font('regular').fontSize(8).fillColor(COLORS.muted);
  doc.text(nfc('Kiểm tra tính hợp lệ tại'), qrX + qrSize + 12, qrY + 48, { width: 240 });
  doc.text(url, qrX + qrSize + 12, qrY + 60, { width: 240 });

  doc.end();
  return finished;
}
