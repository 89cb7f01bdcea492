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
    /// doi.org address), a web address, or else a local name.
    pub fn of_document(id: &str) -> Identifier {
        let id = id.trim();
        let bare = id
            .strip_prefix("https://doi.org/")
            .or_else(|| id.strip_prefix("http://doi.org/"))
            .or_else(|| id.strip_prefix("https://dx.doi.org/"))
            .or_else(|| id.strip_prefix("doi:"))
            .unwrap_or(id);
        if bare.starts_with("10.") && bare.contains('/') {
            Identifier {
                id: bare.to_string(),
                scheme: IdScheme::Doi,
            }
        } else if id.starts_with("https://") || id.starts_with("http://") {
            Identifier {
                id: id.to_string(),
                scheme: IdScheme::Url,
            }
        } else {
            Identifier {
                id: id.to_string(),
                scheme: IdScheme::Local,
            }
        }
    }
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

/// The entry as a link target: its paper's DOI (what indexes of data
/// citations key on), else its home (see [`home`]), else its registry id.
pub(crate) fn as_target(registry: &Registry, entry: &Entry) -> Identifier {
    let paper = own_paper(registry, entry);
    paper
        .and_then(|p| p.doi.as_ref())
        .map(|doi| Identifier {
            id: doi.clone(),
            scheme: IdScheme::Doi,
        })
        .or_else(|| home(registry, entry))
        .unwrap_or_else(|| registry_id(entry))
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
    let paper = || own_paper(registry, entry).and_then(of_paper);
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
            ("https://doi.org/10.1/x", "10.1/x", IdScheme::Doi),
            ("doi:10.1/x", "10.1/x", IdScheme::Doi),
            (
                "https://example.org/p",
                "https://example.org/p",
                IdScheme::Url,
            ),
            ("abc123", "abc123", IdScheme::Local),
            ("10.5", "10.5", IdScheme::Local),
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
