//! Tables as reports and appendices write them: columns (grouped under a
//! shared heading where the header has two rows), rows of cells that may
//! span columns or rows, group rows across the table, and a totals row.

use schemars::JsonSchema;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// A table (`bang`): its columns and rows.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataTable {
    /// The columns, left to right; a column with its own `cot` is a heading
    /// over sub-columns (a header of two rows).
    pub cot: Vec<DataColumn>,
    /// The rows: one cell per column. A row of one cell is a group row
    /// (`I. Nhóm …`) across the table, printed bold.
    #[serde(default)]
    pub dong: Vec<Vec<DataCell>>,
    /// A totals row at the end with this label (`Tổng cộng`); the columns
    /// marked `cong` are summed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tong: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataColumn {
    /// The column's heading.
    pub ten: String,
    /// Share of the width in percent; columns without one share the rest by
    /// their content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rong: Option<f32>,
    /// A column of numbers: right-aligned; numbers written as numbers print
    /// as Vietnamese documents print them (`1.250.000`, `90,5`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub so: bool,
    /// Alignment of the column's cells: `trai`, `giua`, `phai` (left,
    /// centre, right); numbers are right-aligned, text left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can: Option<CellAlign>,
    /// Summed in the totals row (`tong`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cong: bool,
    /// Sub-columns under this heading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cot: Vec<DataColumn>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CellAlign {
    Trai,
    Giua,
    Phai,
}

/// A cell: text, a number, or a map for a cell that spans columns or rows.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum DataCell {
    Value(CellValue),
    Merged(MergedCell),
}

/// What a cell holds: text as written, or a number formatted for print.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum CellValue {
    Number(f64),
    Text(String),
}

/// A cell that spans, or is aligned on its own.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MergedCell {
    /// Its text or number (ô).
    pub o: CellValue,
    /// Columns it covers (gộp cột), 1 by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gop_cot: Option<usize>,
    /// Rows it covers (gộp dòng), 1 by default; the rows below leave out the
    /// covered columns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gop_dong: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can: Option<CellAlign>,
}

impl DataCell {
    pub fn value(&self) -> &CellValue {
        match self {
            DataCell::Value(v) => v,
            DataCell::Merged(m) => &m.o,
        }
    }

    pub fn col_span(&self) -> usize {
        match self {
            DataCell::Merged(m) => m.gop_cot.unwrap_or(1).max(1),
            DataCell::Value(_) => 1,
        }
    }

    pub fn row_span(&self) -> usize {
        match self {
            DataCell::Merged(m) => m.gop_dong.unwrap_or(1).max(1),
            DataCell::Value(_) => 1,
        }
    }

    pub fn align(&self) -> Option<CellAlign> {
        match self {
            DataCell::Merged(m) => m.can,
            DataCell::Value(_) => None,
        }
    }
}

impl DataColumn {
    /// The columns that hold cells, left to right: sub-columns in place of
    /// their heading.
    pub fn leaves(columns: &[DataColumn]) -> Vec<&DataColumn> {
        columns
            .iter()
            .flat_map(|c| match c.cot.is_empty() {
                true => vec![c],
                false => DataColumn::leaves(&c.cot),
            })
            .collect()
    }
}

impl JsonSchema for DataCell {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DataCell".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let merged = generator.subschema_for::<MergedCell>();
        schemars::json_schema!({
            "description": "Ô của bảng: chữ, số, hoặc bảng khóa `o` với `gop_cot`, `gop_dong` (a cell)",
            "anyOf": [{ "type": "string" }, { "type": "number" }, merged]
        })
    }
}

impl<'de> Deserialize<'de> for CellValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CellValue, D::Error> {
        d.deserialize_any(CellVisitor).and_then(|c| match c {
            DataCell::Value(v) => Ok(v),
            DataCell::Merged(_) => Err(de::Error::custom("ô lồng trong ô (a cell inside a cell)")),
        })
    }
}

impl<'de> Deserialize<'de> for DataCell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<DataCell, D::Error> {
        d.deserialize_any(CellVisitor)
    }
}

struct CellVisitor;

impl<'de> Visitor<'de> for CellVisitor {
    type Value = DataCell;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a cell: text, a number, or a map with `o`")
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<DataCell, E> {
        Ok(DataCell::Value(CellValue::Text(s.to_string())))
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<DataCell, E> {
        Ok(DataCell::Value(CellValue::Number(n as f64)))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<DataCell, E> {
        Ok(DataCell::Value(CellValue::Number(n as f64)))
    }
    fn visit_f64<E: de::Error>(self, x: f64) -> Result<DataCell, E> {
        Ok(DataCell::Value(CellValue::Number(x)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<DataCell, E> {
        Ok(DataCell::Value(CellValue::Text(String::new())))
    }
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<DataCell, A::Error> {
        MergedCell::deserialize(de::value::MapAccessDeserializer::new(map)).map(DataCell::Merged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_text_numbers_or_spanning_maps() {
        let t: DataTable = serde_norway::from_str(
            "cot:\n  - {ten: STT}\n  - ten: Kế hoạch\n    cot: [{ten: Số lượng, so: true}, {ten: Kinh phí, so: true, cong: true}]\n\
             dong:\n  - [I. Nhóm]\n  - [1, 5, 1250000.5]\n  - [2, {o: Gộp, gop_cot: 2}]\n  - ['3', ~, '']\n\
             tong: Tổng cộng\n",
        )
        .unwrap();
        assert_eq!(DataColumn::leaves(&t.cot).len(), 3);
        assert_eq!(t.dong[1][2].value(), &CellValue::Number(1250000.5));
        assert_eq!(t.dong[2][1].col_span(), 2);
        assert_eq!(t.dong[3][0].value(), &CellValue::Text("3".into()));
        assert_eq!(t.tong.as_deref(), Some("Tổng cộng"));
        assert!(serde_norway::from_str::<DataTable>(
            "cot: [{ten: A}]\ndong: [[{o: x, gopcot: 2}]]\n"
        )
        .is_err());
    }
}
