//! Decree 30/2020/NĐ-CP: every rule of form that vanban applies, in one place.
//!
//! Both writers read these values; neither decides a size, a margin, a number
//! or a punctuation mark on its own. Clause references (PL1 II.3 …) point to
//! Phụ lục I of the decree as summarised in `shared/spec/nd30.md`.

/// The edition of the rules vanban implements, as `--version` names it.
pub const EDITION: &str = "Nghị định 30/2020/NĐ-CP ngày 05/3/2020 về công tác văn thư";

mod figures;
mod format;
pub mod forms;
mod kinds;
mod layout;
mod numbering;

pub use figures::{number, percent};
pub use format::{
    archive_code, authority_lines, authority_prefixes, citation_date, dated, draft_mark,
    issue_number, place_and_date, printed_number, recipient_lines, sentence_case, symbol,
    Authority, DateForm, Secrecy, Urgency, ADDRESSED, AS_ABOVE, ATTACHED_TO, DECIDES, DRAFT_BLANK,
    ISSUED_WITH, LANGUAGE, MOTTO, NATIONAL, NUMBER_LEAD, ON_BEHALF, PROPOSED_BY, RECIPIENTS_TITLE,
    RESOLVES,
};
pub use kinds::DocKind;
pub use layout::{
    cell_width_mm, header_columns, table_fit, Align, PageSetup, ParaStyle, StyleSpec, TableFit,
    CHARS_PER_LINE, ISSUER_MIN_PT, LINES_PER_PAGE, NATIONAL_MIN_PT, PAGE, PLACE_DATE_MIN_PT,
    RULE_FRACTION,
};
pub use numbering::{dash, roman, Mark, Outline, PLAN_SCHEME};
