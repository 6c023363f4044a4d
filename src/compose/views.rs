//! What the wording of the forms' own lines sees (`Địa điểm: {{ gia_tri }}`,
//! `Chủ trì: {{ ho_ten }} - {{ chuc_vu }}`, `{{ co_quan }} trân trọng kính
//! mời:`): typed views the kinds' templates render from, shared by the
//! builders whose forms have such lines.

use crate::input::Profile;
use crate::nd30;
use serde::Serialize;

/// The clerk's value that a line of the form puts after its words.
#[derive(Serialize)]
pub(super) struct ValueView<'a> {
    pub gia_tri: &'a str,
}

/// A person a line of the form names, with their position.
#[derive(Serialize)]
pub(super) struct PersonView<'a> {
    pub ho_ten: &'a str,
    pub chuc_vu: &'a str,
}

/// The issuing body as a sentence of the form names it.
#[derive(Serialize)]
pub(super) struct IssuerView {
    pub co_quan: String,
}

impl IssuerView {
    /// Its collective in sentence case and the unit: `Ủy ban nhân dân` +
    /// `xã Bát Tràng`.
    pub fn of(profile: &Profile) -> IssuerView {
        IssuerView {
            co_quan: format!(
                "{} {}",
                nd30::sentence_case(&profile.tap_the),
                profile.full_name()
            ),
        }
    }
}
