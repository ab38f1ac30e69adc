//! `gnlc shortlist add|remove|list|clear`, and the shortlist restriction of `gnlc list
//! --shortlist`: the command-line side of the store in [`crate::shortlist`], which the
//! explorer's Space key writes too.
//!
//! Cities are named as `gnlc show` takes them (an exact name, "City, Country", an id, or an
//! unambiguous fuzzy match) and stored by member id. `remove` also takes an id the loaded
//! dataset lacks, so a mark of a member that is gone can always be removed. A file that
//! cannot be read is an error (exit 1, one line naming the file and the problem) and is left
//! as it is.

use super::{ListFormat, ShortlistAction, output, show, write_error};
use crate::error::Result;
use crate::query::{Engine, Query};
use crate::shortlist::{Shortlist, default_path};
use crate::text::sanitize_line;
use std::io::Write;

/// Opens the user's shortlist; a file that cannot be read is an error.
pub fn open() -> Result<Shortlist> {
    Ok(Shortlist::open(default_path()?)?)
}

/// The marked ids, to restrict a query to (`--shortlist`).
pub fn restrict(query: &mut Query) -> Result<()> {
    query.only = Some(open()?.ids().clone());
    Ok(())
}

/// Runs one `gnlc shortlist` action. Notes for people (what changed, ids not found) go to
/// `err`, so `list`'s output stays a clean table, CSV, JSON or Markdown.
pub fn run(
    engine: &Engine,
    action: ShortlistAction,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let mut store = open()?;
    let note = match action {
        ShortlistAction::Add { cities } => {
            let ids = cities
                .iter()
                .map(|c| show::find(engine, c).map(|i| engine.member(i).id.clone()))
                .collect::<Result<Vec<String>>>()?;
            let added = store.add(ids)?;
            format!("added {added}; {} marked", store.len())
        }
        ShortlistAction::Remove { cities } => {
            let mut ids = Vec::new();
            for city in &cities {
                if store.contains(city.trim()) {
                    ids.push(city.trim().to_string());
                } else {
                    ids.push(engine.member(show::find(engine, city)?).id.clone());
                }
            }
            let removed = store.remove(ids)?;
            format!("removed {removed}; {} marked", store.len())
        }
        ShortlistAction::Clear => {
            let removed = store.clear()?;
            format!("removed {removed}; the shortlist is empty")
        }
        ShortlistAction::List { format } => {
            let results = engine.run(&Query::default().only_members(store.ids().iter().cloned()));
            output::list(engine, &results, "", format, out)?;
            let known = |id: &str| engine.dataset().members.iter().any(|m| m.id == id);
            let missing = store.not_found(known);
            if missing.is_empty() {
                return Ok(());
            }
            let listed: Vec<String> = missing
                .iter()
                .map(|id| sanitize_line(id).into_owned())
                .collect();
            let hint = if format == ListFormat::Table {
                ""
            } else {
                " (not in the output)"
            };
            format!(
                "{} marked id(s) not in the loaded dataset{hint}: {}",
                missing.len(),
                listed.join(", ")
            )
        }
    };
    writeln!(err, "{note}").map_err(|e| write_error(&e))?;
    Ok(())
}
