//! The page's state and the actions that change it (Yew's reducer pattern,
//! as in the function_todomvc example). Pure data: no browser calls here, so
//! it is tested natively.

use std::rc::Rc;

use whichdata::{MAX_TEXT_BYTES, Report};
use yew::Reducible;

use crate::engine::InUse;

/// Which registry the page analyses with.
#[derive(Clone, Debug, PartialEq)]
pub enum RegistryChoice {
    /// The one compiled into the page.
    Builtin,
    /// A file the user loaded, by name.
    Custom { name: String },
}

/// The two views of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Paste and analyse.
    Analyze,
    /// Browse the registry.
    Registry,
}

/// A file the user opened (dropped or picked): a PDF read by the worker,
/// or a text file.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedFile {
    /// Its number on this page.
    pub id: u32,
    /// Its name, as the browser gives it.
    pub name: String,
    /// The open gesture it came with (one drop, one pick).
    pub gesture: u32,
    /// How far reading it has got.
    pub status: FileStatus,
}

/// Where reading a file stands.
#[derive(Clone, Debug, PartialEq)]
pub enum FileStatus {
    /// Being read or extracted.
    Reading,
    /// Its text is ready.
    Ready(FileText),
    /// It could not be read, and why.
    Failed(String),
}

/// A file's text, with what the extraction reported.
#[derive(Clone, Debug, PartialEq)]
pub struct FileText {
    /// The text.
    pub text: Rc<str>,
    /// Pages, for a PDF.
    pub pages: Option<usize>,
    /// Pages with no text layer, for a PDF.
    pub pages_without_text: usize,
    /// Milliseconds the extraction took (reading and parsing).
    pub ms: f64,
}

/// Everything the page shows. Cloned on every action (Yew's reducer), so
/// what is large is shared: the text and the report behind `Rc`s, the
/// analyzer (which owns its registry) behind one too.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The snippet or paper.
    pub text: Rc<str>,
    /// The reference list, as pasted.
    pub refs: Rc<str>,
    /// The analyzer in use, with its registry: the one source of truth for
    /// which registry the page uses.
    pub analyzer: InUse,
    /// Where it came from.
    pub registry_choice: RegistryChoice,
    /// Why the last registry file was refused, with its place.
    pub registry_error: Option<String>,
    /// The last analysis of `text` and `refs`, and how long it took.
    pub report: Option<Rc<Report>>,
    /// Milliseconds the last analysis took.
    pub elapsed_ms: Option<f64>,
    /// Why the text could not be analysed (too large).
    pub input_error: Option<String>,
    /// The span of the text to highlight (from a focused reason).
    pub highlight: Option<(usize, usize)>,
    /// The view shown.
    pub view: View,
    /// Files opened on this page, in the order opened.
    pub files: Vec<OpenedFile>,
    /// The file whose text is in the text area, while it is unedited.
    pub active_file: Option<u32>,
    /// The gesture whose first readable file is shown when ready.
    pub show_from_gesture: Option<u32>,
}

/// What can happen on the page.
pub enum Action {
    /// The user edited the text.
    SetText(String),
    /// The user edited the reference list.
    SetRefs(String),
    /// An analysis finished.
    Analyzed {
        /// The text it analysed (a stale result is dropped).
        text: Rc<str>,
        /// The report, or why there is none.
        result: Result<Rc<Report>, String>,
        /// How long it took.
        elapsed_ms: f64,
    },
    /// A reason was focused or hovered (or left).
    Highlight(Option<(usize, usize)>),
    /// A registry file was loaded and validated.
    RegistryLoaded {
        /// Its file name.
        name: String,
        /// Its analyzer, which owns it.
        analyzer: InUse,
    },
    /// A registry file was refused.
    RegistryRefused(String),
    /// Back to the built-in registry.
    RegistryReset(InUse),
    /// Switch views.
    Show(View),
    /// The user opened a file (its reading has started).
    FileOpened {
        /// Its number on this page.
        id: u32,
        /// Its name.
        name: String,
        /// The gesture it came with.
        gesture: u32,
    },
    /// A file was read (or could not be).
    FileRead {
        /// Its number.
        id: u32,
        /// Its text, or why there is none.
        result: Result<FileText, String>,
    },
    /// Show a file's text in the text area.
    ShowFile(u32),
}

impl State {
    /// A fresh page with `text` and `refs` (restored or from a link).
    pub fn new(
        text: String,
        refs: String,
        analyzer: InUse,
        registry_choice: RegistryChoice,
    ) -> State {
        State {
            text: text.into(),
            refs: refs.into(),
            analyzer,
            registry_choice,
            registry_error: None,
            report: None,
            elapsed_ms: None,
            input_error: None,
            highlight: None,
            view: View::Analyze,
            files: Vec::new(),
            active_file: None,
            show_from_gesture: None,
        }
    }

    /// Puts a ready file's text in the text area. A paper brings its own
    /// reference list, so the pasted one (for the previous text) is
    /// cleared.
    fn show_file(&mut self, id: u32) {
        let Some(file) = self.files.iter().find(|f| f.id == id) else {
            return;
        };
        if let FileStatus::Ready(t) = &file.status {
            self.text = t.text.clone();
            self.refs = "".into();
            self.highlight = None;
            self.active_file = Some(id);
            self.view = View::Analyze;
        }
    }

    /// The reference list as entries for the engine.
    pub fn references(&self) -> Vec<String> {
        if self.refs.trim().is_empty() {
            Vec::new()
        } else {
            vec![self.refs.to_string()]
        }
    }

    /// Whether the text is over the engine's limit (checked before
    /// analysing, so a huge paste shows a message instead of freezing).
    pub fn too_large(&self) -> Option<String> {
        (self.text.len() > MAX_TEXT_BYTES).then(|| {
            format!(
                "The text is {} KiB; whichdata reads at most {} KiB at once. Paste the methods section, or one paper at a time.",
                self.text.len() / 1024,
                MAX_TEXT_BYTES / 1024
            )
        })
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetText(text) => {
                next.text = text.into();
                next.highlight = None;
                // Edited: no longer the file's text as read.
                next.active_file = None;
            }
            Action::SetRefs(refs) => next.refs = refs.into(),
            Action::Analyzed {
                text,
                result,
                elapsed_ms,
            } => {
                if text != next.text {
                    return self;
                }
                match result {
                    Ok(report) => {
                        next.report = Some(report);
                        next.input_error = None;
                    }
                    Err(message) => {
                        next.report = None;
                        next.input_error = Some(message);
                    }
                }
                next.elapsed_ms = Some(elapsed_ms);
            }
            Action::Highlight(span) => {
                next.highlight = span.filter(|&(a, b)| a < b && b <= next.text.len())
            }
            Action::RegistryLoaded { name, analyzer } => {
                next.analyzer = analyzer;
                next.registry_choice = RegistryChoice::Custom { name };
                next.registry_error = None;
            }
            Action::RegistryRefused(message) => next.registry_error = Some(message),
            Action::RegistryReset(builtin) => {
                next.analyzer = builtin;
                next.registry_choice = RegistryChoice::Builtin;
                next.registry_error = None;
            }
            Action::Show(view) => next.view = view,
            Action::FileOpened { id, name, gesture } => {
                if next.show_from_gesture.is_none_or(|g| g < gesture) {
                    next.show_from_gesture = Some(gesture);
                }
                next.files.push(OpenedFile {
                    id,
                    name,
                    gesture,
                    status: FileStatus::Reading,
                });
            }
            Action::FileRead { id, result } => {
                let Some(file) = next.files.iter_mut().find(|f| f.id == id) else {
                    return self;
                };
                let gesture = file.gesture;
                let ready = result.is_ok();
                file.status = match result {
                    Ok(text) => FileStatus::Ready(text),
                    Err(message) => FileStatus::Failed(message),
                };
                // The first file of the latest gesture to be read is shown;
                // later ones wait in the list.
                if ready && next.show_from_gesture == Some(gesture) {
                    next.show_from_gesture = None;
                    next.show_file(id);
                }
            }
            Action::ShowFile(id) => next.show_file(id),
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh() -> Rc<State> {
        Rc::new(State::new(
            String::new(),
            String::new(),
            crate::engine::builtin(),
            RegistryChoice::Builtin,
        ))
    }

    #[test]
    fn a_stale_analysis_is_dropped() {
        let s = fresh().reduce(Action::SetText("new text".into()));
        let report = Rc::new(s.analyzer.0.analyze("old text", &[]).unwrap());
        let s = s.reduce(Action::Analyzed {
            text: "old text".into(),
            result: Ok(report),
            elapsed_ms: 1.0,
        });
        assert!(s.report.is_none());
    }

    #[test]
    fn highlights_stay_inside_the_text() {
        let s = fresh().reduce(Action::SetText("abc".into()));
        assert_eq!(
            s.clone().reduce(Action::Highlight(Some((0, 2)))).highlight,
            Some((0, 2))
        );
        assert_eq!(
            s.clone().reduce(Action::Highlight(Some((1, 9)))).highlight,
            None
        );
        let s = s
            .reduce(Action::Highlight(Some((0, 2))))
            .reduce(Action::SetText("x".into()));
        assert_eq!(
            s.highlight, None,
            "editing clears a highlight that may no longer fit"
        );
    }

    #[test]
    fn a_refused_registry_keeps_the_one_in_use() {
        let s = fresh().reduce(Action::RegistryRefused(
            "line 3, column 4: expected value".into(),
        ));
        assert_eq!(s.registry_choice, RegistryChoice::Builtin);
        assert!(s.registry_error.as_deref().unwrap().contains("line 3"));
    }

    fn ready(text: &str) -> Result<FileText, String> {
        Ok(FileText {
            text: text.into(),
            pages: Some(1),
            pages_without_text: 0,
            ms: 1.0,
        })
    }

    fn opened(id: u32, name: &str, gesture: u32) -> Action {
        Action::FileOpened {
            id,
            name: name.into(),
            gesture,
        }
    }

    fn read(id: u32, result: Result<FileText, String>) -> Action {
        Action::FileRead { id, result }
    }

    #[test]
    fn the_first_file_read_of_a_drop_is_shown_and_the_others_wait() {
        let s = fresh().reduce(Action::SetRefs("[1] old refs".into()));
        let s = s
            .reduce(opened(1, "a.pdf", 1))
            .reduce(opened(2, "b.pdf", 1))
            .reduce(read(2, ready("paper B")))
            .reduce(read(1, ready("paper A")));
        assert_eq!(&*s.text, "paper B", "the first to be ready is shown");
        assert_eq!(
            &*s.refs, "",
            "the old reference list went with the old text"
        );
        assert_eq!(s.active_file, Some(2));
        let s = s.reduce(Action::ShowFile(1));
        assert_eq!((&*s.text, s.active_file), ("paper A", Some(1)));
    }

    #[test]
    fn a_failed_file_says_why_and_keeps_the_text() {
        let s = fresh()
            .reduce(Action::SetText("my notes".into()))
            .reduce(opened(7, "scan.pdf", 3))
            .reduce(read(7, Err("no text layer".into())));
        assert_eq!(&*s.text, "my notes");
        assert_eq!(
            s.files[0].status,
            FileStatus::Failed("no text layer".into())
        );
        assert_eq!(&*s.clone().reduce(Action::ShowFile(7)).text, "my notes");
    }

    #[test]
    fn editing_a_shown_file_detaches_it() {
        let s = fresh()
            .reduce(opened(1, "a.pdf", 1))
            .reduce(read(1, ready("paper A")))
            .reduce(Action::SetText("paper A, edited".into()));
        assert_eq!(s.active_file, None);
    }

    #[test]
    fn loading_and_switching_registries_keeps_only_the_one_in_use_alive() {
        // As the file reader returns a loaded file.
        let compact = whichdata::Registry::builtin().unwrap().to_compact();
        let mut s = fresh();
        let mut previous: Vec<std::rc::Weak<whichdata::Analyzer<'static>>> = Vec::new();
        for round in 0..5 {
            let loaded =
                crate::engine::from_compact(&compact).expect("the built-in registry loads");
            previous.push(loaded.downgrade());
            s = s.reduce(Action::RegistryLoaded {
                name: format!("mine-{round}.json"),
                analyzer: loaded,
            });
            // A refused file changes nothing.
            s = s.reduce(Action::RegistryRefused("bad.json: line 1".into()));
            s = s.reduce(Action::RegistryReset(crate::engine::builtin()));
        }
        let alive = previous.iter().filter(|w| w.upgrade().is_some()).count();
        assert_eq!(
            alive, 0,
            "every loaded registry is freed once switched away from"
        );
        // The one in use stays alive while the page holds it.
        let loaded = crate::engine::from_compact(&compact).unwrap();
        let weak = loaded.downgrade();
        s = s.reduce(Action::RegistryLoaded {
            name: "kept.json".into(),
            analyzer: loaded,
        });
        assert!(weak.upgrade().is_some());
        assert_eq!(
            s.analyzer.registry().entries().len(),
            whichdata::Registry::builtin().unwrap().entries().len()
        );
        drop(s);
        assert!(
            weak.upgrade().is_none(),
            "and is freed with the page's state"
        );
    }

    #[test]
    fn a_hover_does_not_copy_the_text() {
        let s = fresh().reduce(Action::SetText("x".repeat(1 << 20)));
        let hovered = s.clone().reduce(Action::Highlight(Some((0, 5))));
        assert!(Rc::ptr_eq(&s.text, &hovered.text));
    }

    #[test]
    fn too_large_text_is_caught_before_analysis() {
        let s = fresh().reduce(Action::SetText("x".repeat(MAX_TEXT_BYTES + 1)));
        assert!(s.too_large().unwrap().contains("at most"));
    }
}
