#!/usr/bin/env python3
"""Make the Word files of tests/fixtures/word/ the way clerks' Word holds
them, from the real documents of tests/fixtures/examples/ (their text comes
from vanban's rendering of each, which says the reference word for word).

Each file is written with python-docx (and LibreOffice where said), not by
vanban: plain paragraphs with direct formatting, the header as a borderless
table, as tabbed lines or in text boxes, numbering typed or made by Word's
automatic lists, and text in the legacy TCVN3 and VNI encodings with their
fonts. Run from the repository root, with vanban built:

    pip install python-docx
    python3 scripts/word-fixtures.py target/debug/vanban

The files are committed; this script says how they were made.
"""

import copy
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests/fixtures/word"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Styles of vanban's DOCX and how a clerk's Word sets the same paragraph
# by hand: (bold, italic, alignment, size, first-line indent in mm).
LOOK = {
    "VBCoQuanChuQuan": (False, False, "center", 13, 0),
    "VBCoQuan": (True, False, "center", 13, 0),
    "VBSoKyHieu": (False, False, "center", 13, 0),
    "VBVeViec": (False, False, "center", 12, 0),
    "VBQuocHieu": (True, False, "center", 13, 0),
    "VBTieuNgu": (True, False, "center", 14, 0),
    "VBDiaDanh": (False, True, "center", 14, 0),
    "VBTenLoai": (True, False, "center", 14, 0),
    "VBTrichYeu": (True, False, "center", 14, 0),
    "VBThamQuyen": (True, False, "center", 14, 0),
    "VBKinhGui": (False, False, "both", 14, 12.7),
    "VBKinhGuiMuc": (False, False, "both", 14, 0),
    "VBCanCu": (False, True, "both", 14, 12.7),
    "VBDoan": (False, False, "both", 14, 12.7),
    "VBMuc": (True, False, "both", 14, 12.7),
    "VBKhoan": (True, False, "both", 14, 12.7),
    "VBDiem": (True, True, "both", 14, 12.7),
    "VBDieu": (True, False, "both", 14, 12.7),
    "VBChuong": (True, False, "center", 14, 0),
    "VBNoiNhan": (True, True, "left", 12, 0),
    "VBNoiNhanMuc": (False, False, "left", 11, 0),
    "VBChucVu": (True, False, "center", 14, 0),
    "VBHoTen": (True, False, "center", 14, 0),
    "VBPhuLuc": (True, False, "center", 14, 0),
    "VBPhuLucTen": (True, False, "center", 14, 0),
    "VBKemTheo": (False, True, "center", 14, 0),
}
ALIGN = {
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "both": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
}


def source_paragraphs(vanban, example):
    """The example rendered by vanban: its header cells, body paragraphs
    and closing cells, each paragraph as (style, [(text, bold, italic)])."""
    tmp = Path(tempfile.mkdtemp())
    subprocess.run(
        [vanban, "render", str(ROOT / f"tests/fixtures/examples/{example}.yaml"),
         "-o", str(tmp), "--format", "docx"], check=True, capture_output=True)
    d = docx.Document(str(tmp / f"{example}.docx"))

    def para(p):
        style = p.style.style_id if p.style is not None else ""
        runs = []
        # Runs, and the runs of links (a web address vanban linked).
        for item in p.iter_inner_content():
            for r in getattr(item, "runs", [item]):
                if r.text:
                    runs.append((r.text, bool(r.bold), bool(r.italic)))
        return (style, runs)

    body = d.element.body
    header, content, closing, after = None, [], None, []
    for child in body.iterchildren():
        if child.tag == qn("w:tbl"):
            table = docx.table.Table(child, d)
            cells = [[para(p) for p in cell.paragraphs if p.text.strip()]
                     for cell in table.rows[0].cells]
            if header is None:
                header = cells
            elif closing is None:
                closing = cells
        elif child.tag == qn("w:p"):
            p = docx.text.paragraph.Paragraph(child, d)
            if p.text.strip():
                (after if closing is not None else content).append(para(p))
    return header, content, closing, after


def new_document(font):
    d = docx.Document()
    s = d.sections[0]
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.top_margin, s.bottom_margin = Mm(20), Mm(20)
    s.left_margin, s.right_margin = Mm(30), Mm(15)
    normal = d.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(6)
    # Page numbers from page 2 on, as offices set them.
    s.different_first_page_header_footer = True
    hp = s.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = hp.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.text = text
        run._r.append(el)
    return d


class Encoding:
    """How text is typed: Unicode, or a legacy encoding with its fonts."""

    def __init__(self, name):
        self.name = name

    def runs(self, text):
        """(text as stored, font or None) pieces of `text`."""
        if self.name == "unicode":
            return [(text, None)]
        if self.name == "vni":
            return [(vni(text), "VNI-Times")]
        return tcvn3_runs(text)


def tcvn3_byte_char(ch):
    """A character as a .VnTime font stores it (Word keeps the font's
    bytes as Windows-1252 characters)."""
    if ord(ch) < 0x80:
        return ch
    r = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=ch.encode(),
                       capture_output=True)
    if r.returncode != 0 or len(r.stdout) != 1 or r.stdout[0] < 0xA0:
        # Punctuation a VN3 font keeps where Windows has it (“ ” – …).
        return ch
    return r.stdout.decode("latin-1")


_TCVN = {}


def tcvn3_char(ch):
    if ch not in _TCVN:
        _TCVN[ch] = tcvn3_byte_char(ch)
    return _TCVN[ch]


def tcvn3_runs(text):
    """Lower-case letters and the letters VN3 has in .VnTime; a capital
    with a tone mark, which .VnTime lacks, typed as its small letter in
    .VnTimeH, the capitals font, as clerks did."""
    out = []
    for ch in text:
        capital = ch.isupper() and unicodedata.normalize("NFD", ch) != ch or ch == "Đ"
        capital = capital and ch not in "ĂÂÊÔƠƯ"
        font = ".VnTimeH" if capital else ".VnTime"
        stored = tcvn3_char(ch.lower() if capital else ch)
        if out and out[-1][1] == font:
            out[-1] = (out[-1][0] + stored, font)
        else:
            out.append((stored, font))
    return out


TONES = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
CIRCUMFLEX_TONES = {None: "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
BREVE_TONES = {None: "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
I_TONES = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def vni(text):
    """Text as VNI Windows types it: the letter, then its marks."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in "đĐ":
            out.append("ñ" if ch == "đ" else "Ñ")
            continue
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        if not marks or base.lower() not in "aeiouy":
            out.append(ch)
            continue
        upper = base.isupper()
        tone = next((m for m in marks if m in TONES), None)
        shape = next((m for m in marks if m in "\u0302\u0306\u031b"), None)
        if base.lower() == "i" and tone:
            s = I_TONES[tone]
            out.append(s.upper() if upper else s)
            continue
        if base.lower() == "y" and tone == "\u0323":
            out.append("Î" if upper else "î")
            continue
        if shape == "\u031b":  # ơ ư
            letter = {"o": "ô", "u": "ö"}[base.lower()]
            seq = letter + (TONES[tone] if tone else "")
        elif shape == "\u0302":
            seq = base.lower() + CIRCUMFLEX_TONES[tone]
        elif shape == "\u0306":
            seq = base.lower() + BREVE_TONES[tone]
        else:
            seq = base.lower() + TONES[tone]
        out.append(seq.upper() if upper else seq)
    return "".join(out)


def write_paragraph(p, style, runs, enc, keep_label=True):
    bold, italic, align, size, indent = LOOK.get(style, (False, False, "both", 14, 12.7))
    p.alignment = ALIGN[align]
    if indent:
        p.paragraph_format.first_line_indent = Mm(indent)
    for text, rb, ri in runs:
        for stored, font in enc.runs(text):
            r = p.add_run(stored)
            r.bold = bold or rb
            r.italic = italic or ri
            r.font.size = Pt(size)
            if font:
                r.font.name = font
                r._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:hAnsi"), font)


def borderless(table):
    tbl_pr = table._tbl.tblPr
    tbl_pr.append(parse_xml(
        f'<w:tblBorders {nsdecls("w")}>' + "".join(
            f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV")) +
        "</w:tblBorders>"))


def two_columns(d, left, right, enc, widths=(Mm(65), Mm(100))):
    table = d.add_table(rows=1, cols=2)
    borderless(table)
    for cell, paras, width in ((table.rows[0].cells[0], left, widths[0]),
                               (table.rows[0].cells[1], right, widths[1])):
        cell.width = width
        first = True
        for style, runs in paras:
            p = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            write_paragraph(p, style, runs, enc)
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.first_line_indent = None


def tabbed_header(d, left, right, enc):
    """Left and right lines in one paragraph each, a tab between them."""
    rows = max(len(left), len(right))
    for i in range(rows):
        p = d.add_paragraph()
        p.paragraph_format.tab_stops.add_tab_stop(Mm(110))
        p.paragraph_format.space_after = Pt(0)
        l = left[i] if i < len(left) else ("", [])
        r = right[i] if i < len(right) else ("", [])
        write_paragraph(p, l[0], l[1], enc)
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT
        p.paragraph_format.first_line_indent = None
        p.add_run("\t")
        write_paragraph(p, r[0], r[1], enc)
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT


def text_box_header(d, left, right, enc):
    """Each column in a text box anchored in the first paragraph, as Word
    writes boxes (mc:AlternateContent, the box in both Choice and Fallback)."""
    holder = d.add_paragraph()
    scratch = docx.Document()
    for i, column in enumerate((left, right)):
        inner = []
        for style, runs in column:
            p = scratch.add_paragraph()
            write_paragraph(p, style, runs, enc)
            inner.append(p._p.xml)
        content = "".join(inner)
        x = 0 if i == 0 else 3700000
        xml = f'''<w:r {nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{i + 1}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>{x}</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="{2300000 if i == 0 else 3400000}" cy="1100000"/><wp:wrapTopAndBottom/><wp:docPr id="{i + 1}" name="Text Box {i + 1}"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2300000" cy="1100000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></wps:spPr><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape style="position:absolute;width:180pt;height:86pt"><v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'''
        holder._p.append(parse_xml(xml))


LABELS = {"VBMuc": 0, "VBKhoan": 1, "VBDiem": 2}


def add_numbering(d):
    """An automatic list of three levels, I. / 1. / a), and a dash list."""
    numbering = d.part.numbering_part.element
    levels = [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")]
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="720"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(levels))
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{lvls}</w:abstractNum>'))
    numbering.insert(1, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))


def numbered(p, num_id, level):
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def strip_label(runs):
    """The runs without the typed label in front (`I. `, `- `)."""
    text = "".join(t for t, _, _ in runs)
    label, _, rest = text.partition(" ")
    out, skip = [], len(label) + 1
    for t, b, i in runs:
        if skip >= len(t):
            skip -= len(t)
            continue
        out.append((t[skip:], b, i))
        skip = 0
    return label, out


def build(vanban, example, name, header="table", enc="unicode", automatic=False):
    left_right, content, closing, after = source_paragraphs(vanban, example)
    encoding = Encoding(enc)
    font = {"unicode": "Times New Roman", "tcvn3": ".VnTime", "vni": "VNI-Times"}[enc]
    d = new_document(font)
    if automatic:
        add_numbering(d)
    left, right = left_right
    {"table": two_columns, "tab": tabbed_header, "box": text_box_header}[header](d, left, right, encoding)
    for style, runs in content:
        p = d.add_paragraph()
        if automatic and style in LABELS:
            _, runs = strip_label(runs)
            write_paragraph(p, style, runs, encoding)
            numbered(p, 90, LABELS[style])
        elif automatic and runs and runs[0][0].startswith("- "):
            _, runs = strip_label(runs)
            write_paragraph(p, style, runs, encoding)
            numbered(p, 91, 0)
        else:
            write_paragraph(p, style, runs, encoding)
    two_columns(d, closing[0], closing[1], encoding, widths=(Mm(75), Mm(90)))
    # What follows the signature (a phụ lục, a text the decision issues)
    # starts a new page.
    for i, (style, runs) in enumerate(after):
        p = d.add_paragraph()
        p.paragraph_format.page_break_before = i == 0
        write_paragraph(p, style, runs, encoding)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    d.save(str(path))
    return path


def libreoffice(path, to, out_dir):
    subprocess.run(["soffice", "--headless", "--convert-to", to, "--outdir", str(out_dir), str(path)],
                   check=True, capture_output=True)


def main():
    vanban = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target/debug/vanban")
    build(vanban, "05-kh-tiep-cong-dan-bau-cu-mttq-luongminh", "05-kh-so-tu-dong.docx",
          header="table", automatic=True)
    build(vanban, "06-cv-o-nhiem-khong-khi-sgddt-hanoi", "06-cv-dau-trang-hop-van-ban.docx", header="box")
    build(vanban, "08-tb-tam-dung-tms-cucthue", "08-tb-dau-trang-tab.docx", header="tab")
    build(vanban, "03-tb-ket-luan-lam-viec-phutho-vpcp", "03-tb-tcvn3.docx", enc="tcvn3")
    build(vanban, "07-cd-thiet-hai-nha-o-mua-lu-ttg", "07-cd-vni.docx", enc="vni")
    # Saved again by LibreOffice, as another program writes DOCX, and as a
    # Word 97 file.
    with tempfile.TemporaryDirectory() as tmp:
        made = build(vanban, "01-qd-quy-che-lay-y-kien-dien-tu-cantho", "01-qd.docx")
        libreoffice(made, "docx:MS Word 2007 XML", tmp)
        (OUT / "01-qd-libreoffice.docx").write_bytes((Path(tmp) / "01-qd.docx").read_bytes())
        libreoffice(made, "doc", tmp)
        (OUT / "01-qd-word97.doc").write_bytes((Path(tmp) / "01-qd.doc").read_bytes())
        made.unlink()


if __name__ == "__main__":
    main()
