import PDFDocument from "pdfkit";

// A training certificate as an A4 PDF with pdfkit's standard fonts (nothing fetched or embedded):
// who completed what, when, for how long, who ran it, and the code anyone can check on the hub's
// public page. The learner is named as their employer records them (the staff record's display id).

export interface CertificateContent {
  learner: string;
  course: string;
  completedOn: string;
  hours: number;
  deliveredBy: string;
  code: string;
  checkUrl: string;
}

const GREEN = "#00703c";
const BLACK = "#0b0c0c";
const GREY = "#505a5f";

export async function certificatePdf(c: CertificateContent, opts: { uncompressed?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 72, left: 64, right: 64, bottom: 48 },
    compress: !opts.uncompressed,
    info: { Title: `Certificate: ${c.course}` },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 128;
  doc.rect(0, 0, doc.page.width, 12).fill(GREEN);
  doc.fillColor(GREEN).font("Helvetica-Bold").fontSize(28).text("Certificate of completion", { width });
  doc.moveDown(1.5);
  doc.fillColor(GREY).font("Helvetica").fontSize(13).text("This certifies that", { width });
  doc.fillColor(BLACK).font("Helvetica-Bold").fontSize(22).text(c.learner, { width });
  doc.moveDown(0.5);
  doc.fillColor(GREY).font("Helvetica").fontSize(13).text("completed", { width });
  doc.fillColor(BLACK).font("Helvetica-Bold").fontSize(20).text(c.course, { width });
  doc.moveDown(1.5);
  const line = (label: string, value: string) => {
    doc.fillColor(GREY).font("Helvetica").fontSize(12).text(label, { width, continued: true });
    doc.fillColor(BLACK).font("Helvetica-Bold").text(`  ${value}`);
    doc.moveDown(0.3);
  };
  line("Completed on", c.completedOn);
  line("Hours of learning", String(c.hours));
  line("Training provided by", c.deliveredBy);
  line("Certificate code", c.code);
  doc.moveDown(2);
  doc
    .fillColor(GREY)
    .font("Helvetica")
    .fontSize(11)
    .text("Anyone can check this certificate is genuine by entering its code at:", { width });
  doc.fillColor(BLACK).font("Helvetica-Bold").fontSize(12).text(c.checkUrl, { width });
  doc.end();
  return done;
}
