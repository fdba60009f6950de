import QRCode from 'qrcode';

/**
 * Draws a QR code as vector squares (sharp at any zoom or print size), on a white square with
 * the quiet zone of four modules that scanners need.
 */
export function drawQrCode(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  size: number,
): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const quiet = 4;
  const module = size / (count + 2 * quiet);
  doc.save();
  doc.rect(x, y, size, size).fill('#FFFFFF');
  doc.fillColor('#000000');
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.modules.get(row, col)) {
        // A hair of overlap so that neighbouring squares print as one dark area.
        doc.rect(
          x + (quiet + col) * module,
          y + (quiet + row) * module,
          module + 0.05,
          module + 0.05,
        );
      }
    }
  }
  doc.fill();
  doc.restore();
}
