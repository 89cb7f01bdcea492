"""whichdata's exports, read back by the tools their formats belong to.

- Every registry entry exported as Croissant 1.1 (with RAI) passes
  mlcroissant's validation with no error; the only warnings are for
  recommended properties the registry does not record.
- Every entry's DataCite lineage passes the DataCite schema in schemas/, and
  parent and child name each other with inverse relations.
- Scholix link records from `batch --output scholix` over the study's two
  corpora (or, without them, a generated corpus, said so on stderr) pass the
  Scholix schema in schemas/ with URI formats checked, one record per
  finding of `batch --output jsonl` on the same file, sources echoing the
  documents' ids; `check --format scholix` too.

Run by `make interop` (part of `make test`), with the venv that
scripts/setup-python.sh makes. WHICHDATA_BIN names the binary (default
target/debug/whichdata); WHICHDATA_DATA the study's data folder (default
../shared/data).
"""

import csv
import json
import logging
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("WHICHDATA_BIN", ROOT / "target" / "debug" / "whichdata"))
DATA = Path(os.environ.get("WHICHDATA_DATA", ROOT.parent / "shared" / "data"))
CORPORA = ["dukemtmc_all.csv", "msceleb1m_all.csv"]

# Recommended Croissant properties the registry has no fact for: no entry
# records a release version or a publication date, and an entry with no
# paper has no citation. Anything else mlcroissant warns about fails.
ALLOWED_WARNINGS = ("schema.org/version", "schema.org/datePublished", "croissant/citeAs")


def whichdata(*args, stdin=None, env=None):
    if not BIN.exists():
        raise AssertionError(f"{BIN} not found: build it first (cargo build --locked)")
    run = subprocess.run(
        [str(BIN), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )
    return run


def schema(name):
    with open(ROOT / "schemas" / name, encoding="utf-8") as f:
        s = json.load(f)
    jsonschema.Draft202012Validator.check_schema(s)
    return jsonschema.Draft202012Validator(s, format_checker=jsonschema.FormatChecker())


class Croissant(unittest.TestCase):
    def test_every_entry_validates_with_mlcroissant(self):
        import mlcroissant as mlc
        from mlcroissant._src.core.context import Context
        from mlcroissant._src.structure_graph.nodes.metadata import Metadata

        logging.getLogger("absl").setLevel(logging.ERROR)
        with tempfile.TemporaryDirectory() as tmp:
            run = whichdata("registry", "export", "--format", "croissant", "--out-dir", tmp)
            self.assertEqual(run.returncode, 0, run.stderr)
            files = sorted(Path(tmp).glob("*.json"))
            entries = whichdata("registry", "list", "--format", "json")
            self.assertEqual(len(files), len(json.loads(entries.stdout)))
            for path in files:
                with self.subTest(entry=path.stem):
                    record = json.loads(path.read_text(encoding="utf-8"))
                    ctx = Context()
                    Metadata.from_json(ctx=ctx, json_=record)
                    self.assertEqual(sorted(ctx.issues.errors), [], path.name)
                    unexpected = [
                        w for w in ctx.issues.warnings
                        if not any(allowed in w for allowed in ALLOWED_WARNINGS)
                    ]
                    self.assertEqual(unexpected, [], path.name)
                    self.assertEqual(
                        record["conformsTo"],
                        ["http://mlcommons.org/croissant/1.1", "http://mlcommons.org/croissant/RAI/1.0"],
                    )
                    for field in ("rai:dataReleaseMaintenancePlan", "rai:dataLimitations",
                                  "rai:personalSensitiveInformation", "license", "description"):
                        self.assertTrue(record.get(field), f"{path.name} lacks {field}")

    def test_the_retracted_parent_reaches_its_derivative(self):
        run = whichdata("registry", "export", "--format", "croissant", "--id", "D2")
        record = json.loads(run.stdout)
        self.assertEqual(record["prov:wasDerivedFrom"]["prov:label"], "DukeMTMC")
        self.assertIn("retracted in 2019-04", " ".join(record["rai:dataLimitations"]))
        parent = json.loads(whichdata("registry", "export", "--format", "croissant", "--id", "D1").stdout)
        self.assertTrue(parent["rai:dataReleaseMaintenancePlan"].startswith("Retracted by its creators (2019-04)"))


class DataCite(unittest.TestCase):
    def test_lineage_validates_and_both_sides_agree(self):
        validator = schema("datacite-lineage.schema.json")
        run = whichdata("registry", "export", "--format", "datacite")
        self.assertEqual(run.returncode, 0, run.stderr)
        records = {r["id"]: r for r in map(json.loads, run.stdout.splitlines())}
        for r in records.values():
            errors = [e.message for e in validator.iter_errors(r)]
            self.assertEqual(errors, [], r["id"])
        with open(ROOT / "registry.json", encoding="utf-8") as f:
            parents = {e["id"]: e.get("parent") for e in json.load(f)["entries"]}

        def own(r):
            return r["identifiers"][0]["identifier"] if r["identifiers"] else None

        def names(r, other):
            # A record names another by the other's own identifier, unless
            # that is missing or is its own; else by title.
            return own(other) if own(other) and own(other) != own(r) else other["name"]

        def links(r):
            for link in r["relatedIdentifiers"] + r["relatedItems"]:
                yield link["relationType"], link.get("relatedIdentifier") or link["titles"][0]["title"]

        inverse = {"IsDerivedFrom": "IsSourceOf", "IsVersionOf": "HasVersion"}
        checked = 0
        for child_id, parent_id in parents.items():
            if not parent_id:
                continue
            child, parent = records[child_id], records[parent_id]
            up = [rel for rel, target in links(child) if target == names(child, parent) and rel in inverse]
            self.assertEqual(len(up), 1, f"{child_id} should name its parent {parent_id} once, as derived or a version")
            down = [rel for rel, target in links(parent) if target == names(parent, child)]
            self.assertIn(inverse[up[0]], down, f"{parent_id} should say it {inverse[up[0]]} {child_id}")
            checked += 1
        self.assertGreater(checked, 50)
        self.assertEqual(records["D2"]["relatedIdentifiers"][0]["relationType"], "IsDerivedFrom")


class Scholix(unittest.TestCase):
    def corpora(self, tmp):
        found = [DATA / c for c in CORPORA if (DATA / c).exists()]
        if len(found) == len(CORPORA):
            return found
        # Without the study's data: a generated corpus of the same shape.
        print(f"\nnote: {DATA} lacks the study's corpora; the Scholix test runs on a generated corpus",
              file=sys.stderr)
        path = Path(tmp) / "generated.csv"
        names = ["DukeMTMC-reID", "Market-1501", "MS1MV2", "LFW", "CASIA-WebFace", "MegaFace"]
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["paperId", "title", "abstract"])
            for i in range(600):
                a, b = names[i % len(names)], names[(i * 7 + 3) % len(names)]
                w.writerow([f"p{i:04d}", f"Paper {i}", f"We train on {a} and evaluate on {b}."])
        return [path]

    def test_corpus_links_validate_and_match_the_findings(self):
        validator = schema("scholix-link.schema.json")
        with tempfile.TemporaryDirectory() as tmp:
            for corpus in self.corpora(tmp):
                with self.subTest(corpus=corpus.name):
                    env = {"SOURCE_DATE_EPOCH": "1795737600"}
                    run = whichdata("batch", str(corpus), "--output", "scholix", env=env)
                    self.assertEqual(run.returncode, 0, run.stderr)
                    links = [json.loads(line) for line in run.stdout.splitlines()]
                    for link in links:
                        errors = [e.message for e in validator.iter_errors(link)]
                        self.assertEqual(errors, [], link)
                        self.assertEqual(link["LinkPublicationDate"], "2026-11-27T00:00:00Z")
                    # One link per suggestion, sources echoing the ids.
                    findings = whichdata("batch", str(corpus), "--output", "jsonl")
                    expected = [
                        (doc["id"], s["id"])
                        for doc in map(json.loads, findings.stdout.splitlines())
                        for s in doc.get("suggestions", [])
                    ]
                    got = [(l["Source"]["Identifier"]["ID"], l["x-whichdata"]["entry"]) for l in links]
                    self.assertEqual(got, expected)
                    self.assertGreater(len(links), 100, corpus.name)
                    print(f"\n{corpus.name}: {len(links)} Scholix links", file=sys.stderr)

    def test_check_writes_an_array_of_links(self):
        validator = schema("scholix-link.schema.json")
        run = whichdata(
            "check", "-", "--format", "scholix", "--id", "https://doi.org/10.1000/demo",
            stdin="We evaluate on DukeMTMC-reID and train a face model on MS1MV2.",
        )
        self.assertEqual(run.returncode, 0, run.stderr)
        links = json.loads(run.stdout)
        self.assertGreaterEqual(len(links), 2)
        for link in links:
            self.assertEqual([e.message for e in validator.iter_errors(link)], [])
            self.assertEqual(link["Source"]["Identifier"], {
                "ID": "10.1000/demo", "IDScheme": "doi", "IDURL": "https://doi.org/10.1000/demo"})

    def test_the_schema_rejects_what_scholix_forbids(self):
        validator = schema("scholix-link.schema.json")
        run = whichdata("check", "-", "--format", "scholix", stdin="We evaluate on DukeMTMC-reID.")
        link = json.loads(run.stdout)[0]
        self.assertEqual(list(validator.iter_errors(link)), [])

        def drop_target_type(l):
            del l["Target"]["Type"]

        mutations = {
            "a relation Scholix does not have": lambda l: l["RelationshipType"].update(Name="Uses"),
            "a target without a type": drop_target_type,
            "an address that is not a URI": lambda l: l["Source"]["Identifier"].update(IDURL="not a uri"),
            "an unknown top-level field": lambda l: l.update(surprise=1),
            "a provider without a Name": lambda l: l.update(LinkProvider=[{"name": "whichdata"}]),
            "a confidence above one": lambda l: l["x-whichdata"].update(confidence=1.5),
        }
        for what, mutate in mutations.items():
            with self.subTest(what):
                broken = json.loads(json.dumps(link))
                mutate(broken)
                self.assertTrue(list(validator.iter_errors(broken)), what)


if __name__ == "__main__":
    unittest.main(verbosity=2)
