//! The dataset JSON that `gnlc import` writes and the bundle is built as: the public field
//! names, in the order a reader expects (`city`, `country`, `region`, ..., `source`).
//!
//! Only facts the sources give are written. `id` is left to the loader (derived from city and
//! country), and so are `clusters`: the loader infers them from the text and marks them as
//! inferred, so nothing here can pass an inference off as UNESCO's word.

use super::ImportedMember;
use crate::error::{Error, Result};
use crate::model::{Award, Coordinates, SCHEMA_VERSION};
use serde::Serialize;

/// A dataset file.
#[derive(Debug, Clone, Serialize)]
pub struct DatasetFile {
    pub schema_version: u32,
    pub source: String,
    pub members: Vec<MemberFile>,
}

/// A member as written to a dataset file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct MemberFile {
    pub city: String,
    pub country: String,
    pub region: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub joined: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tagline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vision: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub challenges: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub awards: Vec<Award>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl MemberFile {
    /// An imported member, with `source` saying where it was read.
    pub fn from_imported(member: &ImportedMember, source: String) -> Self {
        MemberFile {
            city: member.city.clone(),
            country: member.country.clone(),
            region: member.region.name().to_string(),
            tagline: member.tagline.clone(),
            summary: member.summary.clone(),
            vision: member.vision.clone(),
            challenges: member.challenges.clone(),
            plan: member.plan.clone(),
            source: Some(source),
            ..MemberFile::default()
        }
    }
}

impl DatasetFile {
    /// A dataset of the current schema version.
    pub fn new(source: String, members: Vec<MemberFile>) -> Self {
        DatasetFile {
            schema_version: SCHEMA_VERSION,
            source,
            members,
        }
    }

    /// Pretty-printed JSON with a final newline.
    pub fn to_json(&self) -> Result<String> {
        let mut json = serde_json::to_string_pretty(self)
            .map_err(|e| Error::Import(format!("could not write the dataset as JSON: {e}")))?;
        json.push('\n');
        Ok(json)
    }
}
