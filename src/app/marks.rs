//! The shortlist in the explorer (Space marks, `S` shows only the marked, `M` moves a bad file
//! aside) and the Markdown export prompt (`e`).
//!
//! Marks are written at once through [`crate::shortlist::Shortlist`], which re-reads and merges
//! under a lock before every write, so two explorers keep each other's marks. A file that
//! cannot be read is reported on screen ([`App::shortlist_problem`]) and never written: marking
//! fails with the same message until the user fixes, deletes or moves the file aside.
//!
//! "Only the shortlist" is the query's [`crate::query::Query::only`] restriction, so it combines
//! with every facet and the search, and the facet counts count what the list shows.

use super::{Action, App, Overlay};
use crate::model::Member;
use crate::query::Query;
use crate::shortlist::Shortlist;
use std::io::Write;
use std::path::Path;

/// The file an export proposes, in the current directory.
pub const DEFAULT_EXPORT: &str = "gnlc-export.md";

/// The export prompt's text field and question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportPrompt {
    /// The file name typed so far.
    pub path: String,
    /// True while asking whether to replace an existing file (y/n).
    pub confirm: bool,
    /// Why the last attempt failed, shown in the prompt.
    pub error: Option<String>,
}

impl Default for ExportPrompt {
    fn default() -> Self {
        ExportPrompt {
            path: DEFAULT_EXPORT.to_string(),
            confirm: false,
            error: None,
        }
    }
}

impl App {
    /// The explorer keeping its marks in `store` (opened with `Shortlist::open_or_report`, so a
    /// file that cannot be read still lets the explorer start and is reported on screen).
    #[must_use]
    pub fn with_shortlist(mut self, store: Shortlist) -> App {
        self.shortlist = Some(store);
        self
    }

    /// The shortlist store, if the explorer keeps one.
    pub fn shortlist(&self) -> Option<&Shortlist> {
        self.shortlist.as_ref()
    }

    /// True when the member with this id is marked.
    pub fn is_marked(&self, id: &str) -> bool {
        self.shortlist.as_ref().is_some_and(|s| s.contains(id))
    }

    /// How many ids are marked (found in the dataset or not).
    pub fn marked(&self) -> usize {
        self.shortlist.as_ref().map_or(0, Shortlist::len)
    }

    /// How many marked ids the loaded dataset does not have.
    pub fn marked_not_found(&self) -> usize {
        let members = &self.engine().dataset().members;
        self.shortlist.as_ref().map_or(0, |s| {
            s.count_not_found(|id| members.iter().any(|m| m.id == id))
        })
    }

    /// True while the list shows only the shortlist.
    pub fn only_shortlist(&self) -> bool {
        self.query.only.is_some()
    }

    /// Why the shortlist file cannot be used, with what to do, if it cannot.
    pub fn shortlist_problem(&self) -> Option<String> {
        let problem = self.shortlist.as_ref()?.problem()?;
        let hint = if problem.is_unreadable_file() {
            "; marks are not saved: fix or delete the file, or press M to move it aside"
        } else {
            ""
        };
        Some(format!("{problem}{hint}"))
    }

    /// Space: marks or unmarks the city under the cursor, saving at once.
    pub(super) fn toggle_mark(&mut self) {
        let Some(id) = self.selected_member().map(|m| m.id.clone()) else {
            return;
        };
        let Some(store) = self.shortlist.as_mut() else {
            self.notice = Some("no shortlist: set XDG_DATA_HOME or HOME to keep one".into());
            return;
        };
        match store.toggle(&id) {
            Ok(_) => self.sync_only(),
            // The store remembers the problem; the screen shows it.
            Err(e) if e.is_unreadable_file() => {}
            Err(e) => self.notice = Some(e.to_string()),
        }
    }

    /// `S`: shows only the shortlist, or everything again.
    pub(super) fn toggle_shortlist_only(&mut self) {
        if self.only_shortlist() {
            self.query.only = None;
        } else {
            self.query.only = Some(
                self.shortlist
                    .as_ref()
                    .map(|s| s.ids().clone())
                    .unwrap_or_default(),
            );
        }
        self.refresh(false);
    }

    /// After a change of marks: the restriction follows them (an unmarked city leaves the
    /// list at once when only the shortlist is shown).
    fn sync_only(&mut self) {
        if self.only_shortlist() {
            self.query.only = self.shortlist.as_ref().map(|s| s.ids().clone());
            self.refresh(false);
        }
    }

    /// `M`: renames a shortlist file that cannot be read, and starts an empty shortlist.
    pub(super) fn move_shortlist_aside(&mut self) {
        let Some(store) = self.shortlist.as_mut() else {
            return;
        };
        if store.problem().is_none_or(|p| !p.is_unreadable_file()) {
            self.notice = Some("the shortlist file is fine; nothing moved".into());
            return;
        }
        self.notice = Some(match store.move_aside() {
            Ok(Some(to)) => format!(
                "moved the unreadable shortlist to {}; marks are saved again",
                crate::text::sanitize_line(&to.display().to_string())
            ),
            Ok(None) => "the shortlist file is gone; marks are saved again".into(),
            Err(e) => e.to_string(),
        });
        self.sync_only();
    }

    /// What `e` exports: the marked cities of the dataset, or the filtered list when none is
    /// marked; and how to say which.
    pub fn export_members(&self) -> (Vec<&Member>, String) {
        let marked = self.shortlist.as_ref().map(|s| {
            self.engine()
                .run(&Query::default().only_members(s.ids().iter().cloned()))
                .hits
        });
        match marked {
            Some(hits) if !hits.is_empty() => {
                let what = format!("the {} marked cities", hits.len());
                let members = hits
                    .iter()
                    .map(|h| self.engine().member(h.member))
                    .collect();
                (members, what)
            }
            _ => {
                let hits = &self.results().hits;
                (
                    hits.iter()
                        .map(|h| self.engine().member(h.member))
                        .collect(),
                    format!("the {} listed cities (none is marked)", hits.len()),
                )
            }
        }
    }

    /// `e`: opens the prompt with the default file name.
    pub(super) fn start_export(&mut self) {
        self.export = ExportPrompt::default();
        self.overlay = Some(Overlay::Export);
    }

    pub(super) fn prompt_action(&mut self, action: Action) {
        match action {
            Action::PromptCancel => self.overlay = None,
            Action::PromptInput('y' | 'Y') if self.export.confirm => self.write_export(true),
            Action::PromptInput(_) | Action::PromptBackspace if self.export.confirm => {
                self.export.confirm = false;
            }
            Action::PromptInput(c) => {
                self.export.path.push(c);
                self.export.error = None;
            }
            Action::PromptBackspace => {
                self.export.path.pop();
                self.export.error = None;
            }
            Action::PromptSubmit if self.export.confirm => self.export.confirm = false,
            Action::PromptSubmit if !self.export.path.trim().is_empty() => {
                self.write_export(false);
            }
            _ => {}
        }
    }

    /// Writes the report: a new file, or (after a yes) a replacement written atomically.
    fn write_export(&mut self, replace: bool) {
        let (members, what) = self.export_members();
        let text = crate::markdown::report(&members);
        let path = Path::new(self.export.path.trim()).to_path_buf();
        let written = if replace {
            replace_file(&path, text.as_bytes())
        } else {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
                .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|()| f.sync_all()))
        };
        let shown = crate::text::sanitize_line(&path.display().to_string()).into_owned();
        match written {
            Ok(()) => {
                self.overlay = None;
                self.export.confirm = false;
                self.notice = Some(format!("exported {what} to {shown}"));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                self.export.confirm = true;
            }
            Err(e) => {
                self.export.confirm = false;
                self.export.error = Some(format!("{shown}: {e}"));
            }
        }
    }

    /// The marks for the city list's title: " · ★ 3", with the ids the dataset lacks and
    /// whether only the marked are shown (empty without marks or restriction).
    pub fn marks_title(&self) -> String {
        let marked = self.marked();
        let missing = self.marked_not_found();
        let only = if self.only_shortlist() { " only" } else { "" };
        match (marked, missing) {
            (0, _) if only.is_empty() => String::new(),
            (n, 0) => format!(" · ★ {n}{only}"),
            (n, k) => format!(" · ★ {n} ({k} not found){only}"),
        }
    }
}

/// Replaces `path` with `bytes` atomically: a temporary file beside it, then a rename.
fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map(|_| ()).map_err(|e| e.error)
}
