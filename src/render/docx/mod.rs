//! DOCX writer: the page model as a Word document made of real paragraphs in
//! named styles, with borderless tables for the two-column blocks, so a clerk
//! can keep editing it in Word or LibreOffice.

mod package;
mod properties;
mod schema;

use crate::model::{
    Appendix, Block, Cell, Closing, Document, Header, Inline, Paragraph, Table, Title,
};
use crate::nd30::{Align, PageSetup, ParaStyle, StyleSpec};
use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, Footnote, HeaderReference, Hyperlink,
    HyperlinkData, LineSpacing, LineSpacingType, PageMargin, PageNum, PageNumType,
    PageOrientationType, PageSize, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders,
    ParagraphChild, Run, RunFonts, RunProperty, SectionProperty, SpecialIndentType, Style,
    StyleType, TableCell, TableCellMargins, TableLayoutType, TableRow, VAlignType, VMergeType,
    VertAlignType, WidthType,
};

/// The character style docx-rs gives a footnote's mark (`FootnoteReference`).
pub(super) const FOOTNOTE_MARK_STYLE: &str = "FootnoteReference";

/// Twentieths of a point per millimetre.
const TWIPS_PER_MM: f32 = 1440.0 / 25.4;

fn twips(mm: f32) -> u32 {
    (mm * TWIPS_PER_MM).round() as u32
}

/// Half-points, the unit of `w:sz`.
fn half_points(pt: f32) -> usize {
    (pt * 2.0).round() as usize
}

/// Render the page model as DOCX bytes.
pub fn write(doc: &Document) -> Vec<u8> {
    let page = &doc.page;
    let mut docx = Docx::new()
        .page_size(twips(page.width_mm), twips(page.height_mm))
        .page_margin(margins(page))
        .default_fonts(fonts(page.font))
        .default_size(half_points(ParaStyle::Doan.spec().size_pt))
        // Page numbers from page 2 on: an empty first-page header, a PAGE
        // field in the default one (PL1 I.7).
        .first_header(docx_rs::Header::new().add_paragraph(docx_rs::Paragraph::new()))
        .header(
            docx_rs::Header::new().add_paragraph(
                docx_rs::Paragraph::new()
                    .style(ParaStyle::SoTrang.spec().id)
                    .add_page_num(PageNum::new()),
            ),
        );
    for style in ParaStyle::ALL {
        docx = docx.add_style(named_style(style.spec()));
    }
    // The footnote mark, raised, as Word's own style of that name.
    let mut mark = Style::new(FOOTNOTE_MARK_STYLE, StyleType::Character).name("footnote reference");
    mark.run_property = RunProperty::new().vert_align(VertAlignType::SuperScript);
    docx = docx.add_style(mark);
    let mut w = Writer::new(docx, page);
    if let Some(draft) = &doc.draft {
        // At the top right of page 1, above the header.
        let left = (page.text_width_mm() - draft.width_mm).max(0.0);
        w.paragraph(boxed(ParaStyle::DuThao, draft, left, 0.0, page));
    }
    w.table(header_table(&doc.header, doc));
    for p in doc.title.iter().flat_map(|t| title(t, doc)) {
        w.paragraph(p);
    }
    w.blocks(&doc.blocks, doc);
    w.table(closing_table(&doc.closing, doc));
    if doc.closing.left.is_some() && !doc.closing.recipients.is_empty() {
        // Under two signatures, Nơi nhận follows them.
        w.paragraph(styled(ParaStyle::NoiNhan, &doc.closing.recipients_title));
        for line in &doc.closing.recipients {
            w.paragraph(styled(ParaStyle::NoiNhanMuc, line));
        }
    }
    for a in &doc.appendices {
        // Each phụ lục starts a page, numbered from 1 (Mẫu 2.1).
        w.next_section(Section {
            landscape: a.landscape,
            first_unnumbered: true,
            restart: true,
        });
        for p in appendix_heading(a, doc) {
            w.paragraph(p);
        }
        w.blocks(&a.blocks, doc);
    }
    let links = package::Links {
        body: std::mem::take(&mut w.refs.links),
        notes: std::mem::take(&mut w.refs.note_links),
    };
    package::pack(w.finish().build(), properties::core(doc), links)
}

/// A run of pages with one setup. Word numbers pages through sections and
/// reads each section's own first-page rule, so every section says both.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Section {
    landscape: bool,
    /// Page 1 of the document, and of each phụ lục, has no number.
    first_unnumbered: bool,
    /// Numbers start again at 1 (a phụ lục).
    restart: bool,
}

/// Appends to the document, section by section: a section ends with a
/// paragraph carrying its properties, the last one with the document's.
struct Writer<'a> {
    docx: Docx,
    page: &'a PageSetup,
    section: Section,
    headers: (Option<HeaderReference>, Option<HeaderReference>),
    refs: Refs,
}

impl<'a> Writer<'a> {
    fn new(docx: Docx, page: &'a PageSetup) -> Writer<'a> {
        let props = &docx.document.section_property;
        let headers = (
            props.header_reference.clone(),
            props.first_header_reference.clone(),
        );
        Writer {
            docx,
            page,
            section: Section {
                landscape: false,
                first_unnumbered: true,
                restart: false,
            },
            headers,
            refs: Refs::default(),
        }
    }

    fn paragraph(&mut self, p: docx_rs::Paragraph) {
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
    }

    fn table(&mut self, t: docx_rs::Table) {
        self.docx = std::mem::take(&mut self.docx).add_table(t);
    }

    /// Blocks of the body or of a phụ lục. A table too wide for a portrait
    /// page gets a landscape section of its own, unless its section is
    /// landscape already.
    fn blocks(&mut self, blocks: &[Block], doc: &Document) {
        for block in blocks {
            match block {
                Block::Paragraph(p) => {
                    let p = paragraph(p, &mut self.refs);
                    self.paragraph(p)
                }
                Block::Table(t) if t.landscape && !self.section.landscape => {
                    let around = self.section;
                    self.next_section(Section {
                        landscape: true,
                        first_unnumbered: false,
                        restart: false,
                    });
                    {
                        let t = table(t, doc, &mut self.refs);
                        self.table(t)
                    };
                    self.next_section(Section {
                        first_unnumbered: false,
                        restart: false,
                        ..around
                    });
                }
                Block::Table(t) => {
                    let t = table(t, doc, &mut self.refs);
                    self.table(t)
                }
            }
        }
    }

    /// End the current section with an empty paragraph carrying its
    /// properties; what follows starts a page in `next`.
    fn next_section(&mut self, next: Section) {
        let props = self.properties(self.section);
        self.paragraph(docx_rs::Paragraph::new().section_property(props));
        self.section = next;
    }

    fn properties(&self, s: Section) -> SectionProperty {
        let (w, h) = (twips(self.page.width_mm), twips(self.page.height_mm));
        let size = match s.landscape {
            true => PageSize::new()
                .size(h, w)
                .orient(PageOrientationType::Landscape),
            false => PageSize::new().size(w, h),
        };
        let mut props = SectionProperty::new()
            .page_size(size)
            .page_margin(margins(self.page));
        props.header_reference = self.headers.0.clone();
        props.first_header_reference = self.headers.1.clone();
        props.title_pg = s.first_unnumbered;
        if s.restart {
            props = props.page_num_type(PageNumType::new().start(1));
        }
        props
    }

    /// The document, its last section described by its own properties.
    fn finish(mut self) -> Docx {
        let last = self.properties(self.section);
        let props = &mut self.docx.document.section_property;
        props.page_size = last.page_size;
        props.title_pg = last.title_pg;
        props.page_num_type = last.page_num_type;
        self.docx
    }
}

/// `PHỤ LỤC`, its title, the `Kèm theo` line and a short rule under them.
fn appendix_heading(a: &Appendix, doc: &Document) -> Vec<docx_rs::Paragraph> {
    let mut out = vec![styled(ParaStyle::PhuLuc, &a.label)];
    out.extend(a.title.iter().map(|t| styled(ParaStyle::PhuLucTen, t)));
    out.push(styled(ParaStyle::KemTheo, &a.attached_to));
    let width = match a.landscape {
        true => doc.page.landscape_text_width_mm(),
        false => doc.page.text_width_mm(),
    };
    out.push(rule(a.rule_mm, width, doc.page.title_rule_after_pt, &doc.page).keep_next(true));
    out
}

fn fonts(family: &str) -> RunFonts {
    RunFonts::new()
        .ascii(family)
        .hi_ansi(family)
        .cs(family)
        .east_asia(family)
}

fn alignment(a: Align) -> AlignmentType {
    match a {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
        // `Justified` writes a value Word rejects; `both` is justification.
        Align::Justify => AlignmentType::Both,
    }
}

fn named_style(s: StyleSpec) -> Style {
    let mut style = Style::new(s.id, StyleType::Paragraph)
        .name(s.name)
        .based_on("Normal")
        .q_format(true)
        .size(half_points(s.size_pt))
        .align(alignment(s.align))
        .line_spacing(
            LineSpacing::new()
                .before(twips_pt(s.space_before_pt))
                .after(twips_pt(s.space_after_pt))
                .line(240)
                .line_rule(LineSpacingType::Auto),
        );
    if s.first_indent_mm > 0.0 || s.left_indent_mm > 0.0 {
        let left = (s.left_indent_mm > 0.0).then(|| twips(s.left_indent_mm) as i32);
        let first = (s.first_indent_mm > 0.0)
            .then(|| SpecialIndentType::FirstLine(twips(s.first_indent_mm) as i32));
        style = style.indent(left, first, None, None);
    }
    if s.bold {
        style = style.bold();
    }
    if s.italic {
        style = style.italic();
    }
    if s.keep_next {
        style.paragraph_property = style.paragraph_property.keep_next(true);
    }
    if let Some(colour) = s.colour {
        style = style.color(colour);
    }
    if let Some(level) = s.outline_level {
        // Word counts outline levels from 0.
        style = style.outline_lvl(usize::from(level) - 1);
    }
    style
}

fn twips_pt(pt: f32) -> u32 {
    (pt * 20.0).round() as u32
}

fn styled(style: ParaStyle, text: &str) -> docx_rs::Paragraph {
    docx_rs::Paragraph::new()
        .style(style.spec().id)
        .add_run(Run::new().add_text(text))
}

/// A paragraph in `style` at `size_pt`, where the header's names need a
/// size of their own within the decree's range.
fn sized(style: ParaStyle, text: &str, size_pt: f32) -> docx_rs::Paragraph {
    let mut run = Run::new().add_text(text);
    if size_pt != style.spec().size_pt {
        run = run.size(half_points(size_pt));
    }
    docx_rs::Paragraph::new()
        .style(style.spec().id)
        .add_run(run)
}

fn paragraph(p: &Paragraph, refs: &mut Refs) -> docx_rs::Paragraph {
    let mut out = docx_rs::Paragraph::new().style(p.style.spec().id);
    if let Some(label) = &p.label {
        out = out.add_run(Run::new().add_text(format!("{label} ")));
    }
    // A heading at another depth than its style's usual one says its own
    // level; running text in a heading's style says it is body text (9).
    if p.outline != p.style.spec().outline_level {
        out = out.outline_lvl(p.outline.map_or(9, |l| usize::from(l) - 1));
    }
    runs(out, &p.text, false, refs).keep_next(p.keep_next)
}

/// The runs of `text` appended to `p`: emphasis as run properties, each
/// line break a `w:br`. `bold` makes every run bold (a table's header).
fn runs(
    mut p: docx_rs::Paragraph,
    text: &Inline,
    bold: bool,
    refs: &mut Refs,
) -> docx_rs::Paragraph {
    for span in &text.0 {
        if let Some(note) = &span.note {
            // A real footnote: Word numbers the mark and sets the text at
            // the foot of the page, as typst does in the PDF.
            refs.notes += 1;
            let id = refs.notes;
            refs.in_note = true;
            let content = runs(
                docx_rs::Paragraph::new().style(ParaStyle::ChuThich.spec().id),
                note,
                false,
                refs,
            );
            refs.in_note = false;
            let footnote = Footnote {
                id,
                content: vec![content],
            };
            p = p.add_run(Run::new().add_footnote_reference(footnote));
            continue;
        }
        let mut run = Run::new();
        for (i, line) in span.text.split('\n').enumerate() {
            if i > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            if !line.is_empty() {
                run = run.add_text(line);
            }
        }
        if span.bold || bold {
            run = run.bold();
        }
        if span.italic {
            run = run.italic();
        }
        p = match &span.link {
            // Printed as written: no blue, no underline, the decree's ink.
            Some(target) => p.add_hyperlink(Hyperlink {
                link: HyperlinkData::External {
                    rid: refs.link(target),
                    path: target.clone(),
                },
                history: None,
                children: vec![ParagraphChild::Run(Box::new(run))],
            }),
            None => p.add_run(run),
        };
    }
    p
}

/// What the document's parts point at, numbered in reading order from 1
/// in each document, so the same model gives the same bytes.
#[derive(Debug, Default)]
struct Refs {
    /// The last footnote's number.
    notes: usize,
    /// The targets of the body's links, and of the footnotes' links: each
    /// part has relationships of its own.
    links: Vec<String>,
    note_links: Vec<String>,
    /// Runs being written belong to a footnote.
    in_note: bool,
}

impl Refs {
    /// The relationship id of a new link to `target`, in its part.
    fn link(&mut self, target: &str) -> String {
        let list = match self.in_note {
            true => &mut self.note_links,
            false => &mut self.links,
        };
        list.push(target.to_string());
        format!("{}{}", package::LINK_ID, list.len())
    }
}

/// An empty paragraph whose bottom border is a centred line `length_mm`
/// long inside a box `box_mm` wide: the short rules under the issuing body,
/// the motto and the trích yếu.
fn rule(length_mm: f32, box_mm: f32, after_pt: f32, page: &PageSetup) -> docx_rs::Paragraph {
    let side = twips(((box_mm - length_mm) / 2.0).max(0.0)) as i32;
    let mut p = docx_rs::Paragraph::new()
        .align(AlignmentType::Center)
        .indent(Some(side), None, Some(side), None)
        .size(2)
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(twips_pt(after_pt))
                .line(twips_pt(page.rule_box_pt) as i32)
                .line_rule(LineSpacingType::Exact),
        );
    // `set_border` would start from all four sides (a box): begin empty.
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size((page.rule_pt * 8.0).round() as usize) // eighths of a point
                .space(0),
        ),
    );
    p
}

/// A word in a box of its own width, set `left_mm` and `right_mm` in from
/// the column's sides; the box drawn in the style's ink.
fn boxed(
    style: ParaStyle,
    mark: &crate::model::Boxed,
    left_mm: f32,
    right_mm: f32,
    page: &PageSetup,
) -> docx_rs::Paragraph {
    let ink = style.spec().colour.unwrap_or("000000");
    let side = |position| {
        ParagraphBorder::new(position)
            .val(BorderType::Single)
            .size((page.rule_pt * 8.0).round() as usize)
            .space(1)
            .color(ink)
    };
    let mut p = styled(style, &mark.text).indent(
        Some(twips(left_mm) as i32),
        None,
        Some(twips(right_mm) as i32),
        None,
    );
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty()
            .set(side(ParagraphBorderPosition::Top))
            .set(side(ParagraphBorderPosition::Bottom))
            .set(side(ParagraphBorderPosition::Left))
            .set(side(ParagraphBorderPosition::Right)),
    );
    p
}

/// A borderless two-column table over the text width (header, closing).
fn two_columns(left: TableCell, right: TableCell, widths_mm: (f32, f32)) -> docx_rs::Table {
    column_rows(vec![(left, right)], widths_mm)
}

/// A borderless table of two columns and as many rows, over the text width.
fn column_rows(rows: Vec<(TableCell, TableCell)>, widths_mm: (f32, f32)) -> docx_rs::Table {
    let (l, r) = (twips(widths_mm.0), twips(widths_mm.1));
    let rows = rows
        .into_iter()
        .map(|(left, right)| {
            TableRow::new(vec![
                left.width(l as usize, WidthType::Dxa)
                    .vertical_align(VAlignType::Top),
                right
                    .width(r as usize, WidthType::Dxa)
                    .vertical_align(VAlignType::Top),
            ])
            .cant_split()
        })
        .collect();
    docx_rs::Table::without_borders(rows)
        .set_grid(vec![l as usize, r as usize])
        .width((l + r) as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
}

fn header_table(h: &Header, doc: &Document) -> docx_rs::Table {
    let left_pt = h.sizes.left_pt;
    let mut left = TableCell::new();
    for line in &h.parent {
        left = left.add_paragraph(sized(ParaStyle::CoQuanChuQuan, line, left_pt));
    }
    for line in &h.issuer {
        left = left.add_paragraph(sized(ParaStyle::CoQuan, line, left_pt));
    }
    left = left
        .add_paragraph(rule(h.issuer_rule_mm, h.columns_mm.0, 0.0, &doc.page))
        .add_paragraph(sized(ParaStyle::SoKyHieu, &h.number, left_pt));
    if let Some(subject) = &h.subject {
        left = left.add_paragraph(styled(ParaStyle::VeViec, subject));
    }
    for mark in &h.marks {
        let side = ((h.columns_mm.0 - mark.width_mm) / 2.0).max(0.0);
        left = left.add_paragraph(boxed(ParaStyle::DoKhan, mark, side, side, &doc.page));
    }

    let mut right = TableCell::new()
        .add_paragraph(sized(ParaStyle::QuocHieu, &h.national, h.sizes.national_pt))
        .add_paragraph(styled(ParaStyle::TieuNgu, &h.motto))
        .add_paragraph(rule(h.motto_rule_mm, h.columns_mm.1, 0.0, &doc.page));
    if let Some(place_date) = &h.place_date {
        right = right.add_paragraph(sized(ParaStyle::DiaDanh, place_date, h.sizes.place_date_pt));
    }
    two_columns(left, right, h.columns_mm)
}

fn title(t: &Title, doc: &Document) -> Vec<docx_rs::Paragraph> {
    let mut out = vec![styled(ParaStyle::TenLoai, &t.kind)];
    out.extend(t.summary.iter().map(|s| styled(ParaStyle::TrichYeu, s)));
    out.push(
        rule(
            t.rule_mm,
            doc.page.text_width_mm(),
            doc.page.title_rule_after_pt,
            &doc.page,
        )
        .keep_next(true),
    );
    out
}

/// The decree's margins, and the header distance, in twips.
fn margins(page: &PageSetup) -> PageMargin {
    PageMargin::new()
        .top(twips(page.top_mm) as i32)
        .bottom(twips(page.bottom_mm) as i32)
        .left(twips(page.left_mm) as i32)
        .right(twips(page.right_mm) as i32)
        .header(twips(page.header_mm) as i32)
        .footer(twips(page.header_mm) as i32)
}

fn table(t: &Table, doc: &Document, refs: &mut Refs) -> docx_rs::Table {
    let width = if t.landscape {
        doc.page.landscape_text_width_mm()
    } else {
        doc.page.text_width_mm()
    };
    let grid: Vec<usize> = t
        .columns
        .iter()
        .map(|c| twips(width * c.width_pct / 100.0) as usize)
        .collect();
    // Word draws a cell spanning rows as the first cell plus a continuing
    // cell in each row below: `below[i]` counts the rows still covered in
    // column i, with the span of the cell covering them.
    let mut below: Vec<(usize, usize)> = vec![(0, 1); grid.len()];
    let mut rows = Vec::new();
    for (r, row) in t.rows.iter().enumerate() {
        let header = r < t.header_rows;
        let mut cells = Vec::new();
        let mut starts = row.cells.iter().peekable();
        let mut column = 0;
        while column < grid.len() {
            if below[column].0 > 0 {
                let span = below[column].1;
                below[column].0 -= 1;
                cells.push(
                    TableCell::new()
                        .width(grid[column..column + span].iter().sum(), WidthType::Dxa)
                        .grid_span(span)
                        .vertical_merge(VMergeType::Continue)
                        .add_paragraph(docx_rs::Paragraph::new().style(ParaStyle::Bang.spec().id)),
                );
                column += span;
                continue;
            }
            let Some(cell) = starts.next_if(|c| c.column == column) else {
                // A row the model left short: an empty cell keeps the grid.
                cells.push(TableCell::new().width(grid[column], WidthType::Dxa));
                column += 1;
                continue;
            };
            let span = cell.col_span.min(grid.len() - column);
            if cell.row_span > 1 {
                below[column] = (cell.row_span - 1, span);
            }
            cells.push(table_cell(
                cell,
                grid[column..column + span].iter().sum(),
                header || row.bold,
                refs,
            ));
            column += span;
        }
        let mut docx_row = TableRow::new(cells).cant_split();
        if header {
            // docx-rs cannot mark a header row; a 1-twip minimum height
            // stands in for it and the schema pass turns it into
            // `w:tblHeader` (repeated on each page).
            docx_row = docx_row
                .row_height(1.0)
                .height_rule(docx_rs::HeightRule::AtLeast);
        }
        rows.push(docx_row);
    }
    let (x, y) = (
        twips(doc.page.table_pad_x_mm) as usize,
        twips(doc.page.table_pad_y_mm) as usize,
    );
    docx_rs::Table::new(rows)
        .set_grid(grid.clone())
        .width(grid.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(y, x, y, x))
}

fn table_cell(cell: &Cell, width: usize, bold: bool, refs: &mut Refs) -> TableCell {
    let p = docx_rs::Paragraph::new()
        .style(ParaStyle::Bang.spec().id)
        .align(alignment(cell.align));
    let mut out = TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(runs(p, &cell.text, bold, refs));
    if cell.col_span > 1 {
        out = out.grid_span(cell.col_span);
    }
    if cell.row_span > 1 {
        out = out
            .vertical_merge(VMergeType::Restart)
            .vertical_align(VAlignType::Center);
    }
    out
}

fn closing_table(c: &Closing, doc: &Document) -> docx_rs::Table {
    match &c.left {
        // Two signatures side by side, each over half the line: authority
        // lines in one row, names in the next, so that both start and both
        // names stand level however many lines each authority has.
        Some(left) => {
            let half = doc.page.text_width_mm() / 2.0;
            let name_cell = |signer: &str| TableCell::new().add_paragraph(name(signer, doc));
            column_rows(
                vec![
                    (
                        authority(TableCell::new(), &left.authority),
                        authority(TableCell::new(), &c.authority),
                    ),
                    (name_cell(&left.signer), name_cell(&c.signer)),
                ],
                (half, half),
            )
        }
        None => {
            let mut left =
                TableCell::new().add_paragraph(styled(ParaStyle::NoiNhan, &c.recipients_title));
            for line in &c.recipients {
                left = left.add_paragraph(styled(ParaStyle::NoiNhanMuc, line));
            }
            let right =
                authority(TableCell::new(), &c.authority).add_paragraph(name(&c.signer, doc));
            two_columns(left, right, (doc.page.left_col_mm, doc.page.right_col_mm))
        }
    }
}

/// Authority and position lines, each kept with the next down to the name.
fn authority(mut cell: TableCell, lines: &[String]) -> TableCell {
    for line in lines {
        cell = cell.add_paragraph(styled(ParaStyle::ChucVu, line).keep_next(true));
    }
    cell
}

/// The signer's name, after the room to sign and seal.
fn name(signer: &str, doc: &Document) -> docx_rs::Paragraph {
    // The room is spacing above the name, so that no empty paragraphs sit
    // in the document.
    styled(ParaStyle::HoTen, signer).line_spacing(
        LineSpacing::new()
            .before(twips(doc.page.signature_space_mm))
            .after(0)
            .line(240)
            .line_rule(LineSpacingType::Auto),
    )
}
