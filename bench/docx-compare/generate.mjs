// Builds the benchmark report with the npm `docx` package from blocks.json (the .NET bench extracts those blocks
// from its own output, so both generators write the same headings, paragraphs, tables and cell shadings).
// Usage: node generate.mjs <blocks.json> <out.docx> <runs>
// Prints one JSON line: { "runsMs": [...], "maxRssMb": n }.
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import {
  Document, Packer, Paragraph, TextRun, HeadingLevel, Table, TableRow, TableCell, WidthType, ShadingType,
  TableOfContents, PageBreak,
} from "docx";

const [, , blocksPath, outPath, runsArg] = process.argv;
const runs = Number(runsArg ?? "3");

const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 };

function runsOf(text, bold) {
  return text.split("\n").map((line, i) => new TextRun({ text: line, bold, break: i > 0 ? 1 : 0 }));
}

function build(blocks) {
  const children = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "toc":
        children.push(new TableOfContents(b.text, { hyperlink: true, headingStyleRange: "1-1" }));
        break;
      case "pageBreak":
        children.push(new Paragraph({ children: [new PageBreak()] }));
        break;
      case "paragraph":
        children.push(new Paragraph({
          heading: headingLevels[b.level],
          style: b.level ? undefined : b.style ?? undefined,
          children: runsOf(b.text, false),
        }));
        break;
      case "table":
        children.push(new Table({
          columnWidths: b.widths,
          width: { size: b.widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
          rows: b.rows.map((row, r) => new TableRow({
            tableHeader: r === 0 ? true : undefined, // false is written as w:val="false", which the validator rejects
            children: row.map((cell, c) => new TableCell({
              width: { size: b.widths[c], type: WidthType.DXA },
              shading: cell.fill ? { type: ShadingType.CLEAR, color: "auto", fill: cell.fill } : undefined,
              children: [new Paragraph({ children: runsOf(cell.text, r === 0) })],
            })),
          })),
        }));
        break;
      default:
        throw new Error(`Unknown block kind ${b.kind}`);
    }
  }
  return new Document({
    features: { updateFields: true },
    sections: [{ children }],
  });
}

const blocks = JSON.parse(readFileSync(blocksPath, "utf8"));
const runsMs = [];
let buffer;
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  buffer = await Packer.toBuffer(build(blocks));
  runsMs.push(performance.now() - start);
}
writeFileSync(outPath, buffer);
console.log(JSON.stringify({ runsMs, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
