//! How an entry, or a paper, is identified outside whichdata: a DOI where
//! one is known, else a stable URL (a landing page, an arXiv abstract).

use crate::registry::{Entry, Paper, PaperRole, Registry};

/// A persistent identifier or a URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identifier {
    /// The identifier as its scheme writes it ("10.1109/iccv.2017.405").
    pub id: String,
    /// Its scheme.
    pub scheme: IdScheme,
}

/// The identifier schemes whichdata writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdScheme {
    /// A DOI, written without the resolver ("10.…/…").
    Doi,
    /// An arXiv identifier ("1701.07717").
    Arxiv,
    /// A web address.
    Url,
    /// A name that means something only to whoever gave it (a corpus's
    /// paper id, a file name).
    Local,
    /// An id in whichdata's registry ("whichdata:D17"), for an entry with
    /// no DOI, paper address or landing page on record.
    Whichdata,
}

impl IdScheme {
    /// Scholix's spelling (`IDScheme`).
    pub fn scholix(self) -> &'static str {
        match self {
            IdScheme::Doi => "doi",
            IdScheme::Arxiv => "arxiv",
            IdScheme::Url => "url",
            IdScheme::Local => "local",
            IdScheme::Whichdata => "whichdata",
        }
    }

    /// DataCite's spelling (`relatedIdentifierType`), when it has one.
    pub fn datacite(self) -> Option<&'static str> {
        match self {
            IdScheme::Doi => Some("DOI"),
            IdScheme::Arxiv => Some("arXiv"),
            IdScheme::Url => Some("URL"),
            IdScheme::Local | IdScheme::Whichdata => None,
        }
    }
}

impl Identifier {
    /// A resolvable address for it, when it has one.
    pub fn url(&self) -> Option<String> {
        match self.scheme {
            IdScheme::Doi => Some(format!("https://doi.org/{}", self.id)),
            IdScheme::Arxiv => Some(format!("https://arxiv.org/abs/{}", self.id)),
            IdScheme::Url => Some(self.id.clone()),
            IdScheme::Local | IdScheme::Whichdata => None,
        }
    }

    /// Reads a document id given by a user: a DOI (bare, `doi:` or a
    /// doi.org address, any case), an arXiv id (`arXiv:…`), a web address
    /// without spaces, or else a local name.
    pub fn of_document(id: &str) -> Identifier {
        let id = id.trim();
        let lower = id.to_ascii_lowercase();
        let bare = [
            "https://doi.org/",
            "http://doi.org/",
            "https://dx.doi.org/",
            "http://dx.doi.org/",
            "https://www.doi.org/",
            "http://www.doi.org/",
            "doi:",
        ]
        .iter()
        .find(|p| lower.starts_with(*p))
        .map_or(id, |p| id[p.len()..].trim_start());
        if is_doi(bare) {
            return Identifier {
                id: bare.to_string(),
                scheme: IdScheme::Doi,
            };
        }
        if lower.starts_with("arxiv:") {
            let rest = id["arxiv:".len()..].trim();
            if !rest.is_empty() && !rest.contains(char::is_whitespace) {
                return Identifier {
                    id: rest.to_string(),
                    scheme: IdScheme::Arxiv,
                };
            }
        }
        let web = lower.starts_with("https://") || lower.starts_with("http://");
        Identifier {
            id: id.to_string(),
            scheme: if web && !id.contains(char::is_whitespace) {
                IdScheme::Url
            } else {
                IdScheme::Local
            },
        }
    }
}

/// A DOI as Crossref and DataCite issue them: `10.` and a registrant code
/// of four to nine digits (with optional `.digits` parts), a slash, and a
/// suffix without spaces.
fn is_doi(s: &str) -> bool {
    let Some((prefix, suffix)) = s.split_once('/') else {
        return false;
    };
    let Some(registrant) = prefix.strip_prefix("10.") else {
        return false;
    };
    let mut parts = registrant.split('.');
    let first = parts.next().unwrap_or_default();
    (4..=9).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && !suffix.is_empty()
        && !suffix.contains(char::is_whitespace)
}

/// The paper that introduced an entry, else one its creators ask users to
/// cite.
pub(crate) fn own_paper<'a>(registry: &'a Registry, entry: &'a Entry) -> Option<&'a Paper> {
    let papers: Vec<_> = registry.papers_of(entry).collect();
    papers
        .iter()
        .find(|(link, _)| link.role == PaperRole::Associated)
        .or_else(|| {
            papers
                .iter()
                .find(|(link, _)| link.role == PaperRole::Requested)
        })
        .map(|(_, paper)| *paper)
}

fn of_paper(paper: &Paper) -> Option<Identifier> {
    if let Some(doi) = &paper.doi {
        return Some(Identifier {
            id: doi.clone(),
            scheme: IdScheme::Doi,
        });
    }
    if let Some(arxiv) = &paper.arxiv {
        return Some(Identifier {
            id: arxiv.clone(),
            scheme: IdScheme::Arxiv,
        });
    }
    paper.url.as_ref().map(|url| Identifier {
        id: url.clone(),
        scheme: IdScheme::Url,
    })
}

/// Where the data itself is offered: the first live address, else the first
/// archived one.
fn landing(entry: &Entry) -> Option<Identifier> {
    entry
        .access
        .iter()
        .find(|a| !a.archived)
        .or_else(|| entry.access.first())
        .map(|a| Identifier {
            id: a.url.clone(),
            scheme: IdScheme::Url,
        })
}

/// What a link target is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TargetKind {
    /// The data's own address.
    Dataset,
    /// The paper that introduced it (or that its creators ask to cite).
    Paper,
    /// Only whichdata's registry id is known.
    Unknown,
}

/// The entry as a link target, named so that no other entry has the same
/// target: its own landing page; else its paper (typed as literature, not as
/// data); else a landing page it shares with other entries; else its
/// registry id. Retracted data goes by its paper first (see [`home`]).
pub(crate) fn as_target(registry: &Registry, entry: &Entry) -> (Identifier, TargetKind) {
    let paper = || paper_of(registry, entry);
    let retracted = entry.status.state == crate::registry::State::Retracted;
    let own = (!retracted).then(|| own_landing(registry, entry)).flatten();
    own.map(|id| (id, TargetKind::Dataset))
        .or_else(|| paper().map(|id| (id, TargetKind::Paper)))
        .or_else(|| landing(entry).map(|id| (id, TargetKind::Dataset)))
        .unwrap_or_else(|| (registry_id(entry), TargetKind::Unknown))
}

/// The entry's landing page when no other entry has the same one (CIFAR-10
/// and CIFAR-100 share a page; so do a dataset and its aligned release).
pub(crate) fn own_landing(registry: &Registry, entry: &Entry) -> Option<Identifier> {
    let mine = landing(entry)?;
    let shared = registry
        .entries()
        .iter()
        .filter(|e| e.id != entry.id)
        .any(|e| landing(e).is_some_and(|l| l.id == mine.id));
    (!shared).then_some(mine)
}

/// The paper's identifier, for an entry.
pub(crate) fn paper_of(registry: &Registry, entry: &Entry) -> Option<Identifier> {
    own_paper(registry, entry).and_then(of_paper)
}

/// The entry's id in whichdata's registry.
pub(crate) fn registry_id(entry: &Entry) -> Identifier {
    Identifier {
        id: format!("whichdata:{}", entry.id),
        scheme: IdScheme::Whichdata,
    }
}

/// The entry's home on the web: where the data is offered, else its paper.
/// For data its creators retracted, the paper first: the places that still
/// offer it (torrents, mirrors) are not its creators', and an export should
/// not send readers there.
pub(crate) fn home(registry: &Registry, entry: &Entry) -> Option<Identifier> {
    let paper = || paper_of(registry, entry);
    if entry.status.state == crate::registry::State::Retracted {
        paper().or_else(|| landing(entry))
    } else {
        landing(entry).or_else(paper)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_ids_are_read_as_dois_urls_or_local_names() {
        for (given, id, scheme) in [
            (
                "10.1109/ICCV.2017.405",
                "10.1109/ICCV.2017.405",
                IdScheme::Doi,
            ),
            ("https://doi.org/10.1234/x", "10.1234/x", IdScheme::Doi),
            ("doi:10.1234/x", "10.1234/x", IdScheme::Doi),
            (
                "https://example.org/p",
                "https://example.org/p",
                IdScheme::Url,
            ),
            ("abc123", "abc123", IdScheme::Local),
            ("10.5", "10.5", IdScheme::Local),
            ("10.1000/a b", "10.1000/a b", IdScheme::Local),
            ("10.pdf/notes", "10.pdf/notes", IdScheme::Local),
            ("DOI:10.1000/up", "10.1000/up", IdScheme::Doi),
            ("http://dx.doi.org/10.1000/x", "10.1000/x", IdScheme::Doi),
            ("arXiv:2101.00001", "2101.00001", IdScheme::Arxiv),
            (
                "https://example.org/a b",
                "https://example.org/a b",
                IdScheme::Local,
            ),
        ] {
            assert_eq!(
                Identifier::of_document(given),
                Identifier {
                    id: id.to_string(),
                    scheme
                },
                "{given}"
            );
        }
    }

    #[test]
    fn retracted_data_is_found_through_its_paper_not_a_mirror() {
        let registry = Registry::builtin().unwrap();
        let ms1m = registry.entry("D9").unwrap();
        assert_eq!(ms1m.status.state, crate::registry::State::Retracted);
        let home = home(registry, ms1m).unwrap();
        assert!(!home.id.contains("torrent"), "{home:?}");
    }

    #[test]
    fn most_built_in_entries_have_a_home() {
        // The rest have no DOI, paper address or landing page on record;
        // they are exported under their registry id.
        let registry = Registry::builtin().unwrap();
        let homeless = registry
            .entries()
            .iter()
            .filter(|e| home(registry, e).is_none())
            .count();
        assert!(
            homeless * 5 < registry.entries().len(),
            "{homeless} without an address"
        );
    }
}
