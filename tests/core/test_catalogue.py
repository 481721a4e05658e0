"""The catalogue loads whole, cites real sections, and breaks loudly and precisely."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

from tests.conftest import KNOWLEDGE, shared_path
from vrn_core import CatalogueError, UnknownProgramme, default_catalogue, load_catalogue
from vrn_core.programme import UsualRoute
from vrn_core.vocabulary import Asker

EVAL_IDS = {
    "divert",
    "operation-provide",
    "operation-adder",
    "strength-inside-and-out",
    "prisoners-families-support",
    "prisoners-agency-training",
    "trauma-informed-training",
    "public-health-policing-webinars",
    "trauma-informed-care-resource",
    "uclan-student-volunteering",
    "knife-crime-campaign",
    "ed-navigators",
}


def test_every_file_loads_and_the_twelve_programmes_are_there() -> None:
    catalogue = load_catalogue(KNOWLEDGE)
    assert {p.id for p in catalogue} == EVAL_IDS
    assert len(list((KNOWLEDGE / "programmes").glob("*.yaml"))) == len(catalogue)


def test_the_eval_readme_lists_exactly_our_ids() -> None:
    readme = shared_path("eval", "README.md").read_text()
    table = {line.split("|")[1].strip() for line in readme.splitlines() if line.startswith("| ")}
    assert table >= EVAL_IDS


def test_every_fact_cites_a_section_that_exists() -> None:
    catalogue = load_catalogue(KNOWLEDGE)
    for programme in catalogue:
        for source in programme.sources():
            text = catalogue.document_path(source).read_text()
            assert f"## {source.locator}" in text or f"# {source.locator}" in text


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    return copy


def _edit(path: Path, change: dict[str, object]) -> None:
    data = yaml.safe_load(path.read_text())
    data.update(change)
    path.write_text(yaml.safe_dump(data))


def test_unknown_field_names_file_record_and_field(knowledge_copy: Path) -> None:
    path = knowledge_copy / "programmes" / "divert.yaml"
    _edit(path, {"colour": "blue"})
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(knowledge_copy)
    message = str(caught.value)
    assert "divert.yaml" in message and "'divert'" in message and "'colour'" in message


def test_bad_nested_value_names_the_dotted_field(knowledge_copy: Path) -> None:
    path = knowledge_copy / "programmes" / "divert.yaml"
    data = yaml.safe_load(path.read_text())
    data["criteria"][0]["min"] = "eighteen"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(knowledge_copy)
    assert caught.value.field is not None and caught.value.field.startswith("criteria.0")
    assert caught.value.record == "divert"


def test_a_source_section_that_does_not_exist_is_caught(knowledge_copy: Path) -> None:
    path = knowledge_copy / "programmes" / "divert.yaml"
    data = yaml.safe_load(path.read_text())
    data["summary"]["source"] = "divert.md#No such heading"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(CatalogueError, match="No such heading"):
        load_catalogue(knowledge_copy)


def test_an_unknown_place_id_is_caught(knowledge_copy: Path) -> None:
    path = knowledge_copy / "programmes" / "divert.yaml"
    data = yaml.safe_load(path.read_text())
    data["availability"][0]["places"] = ["town:atlantis"]
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(knowledge_copy)
    assert "town:atlantis" in str(caught.value) and caught.value.field == "availability.0.places"


def test_invalid_yaml_and_duplicate_ids(knowledge_copy: Path) -> None:
    broken = knowledge_copy / "programmes" / "zz-broken.yaml"
    broken.write_text("id: [unclosed\n")
    with pytest.raises(CatalogueError, match=r"zz-broken\.yaml.*not valid YAML"):
        load_catalogue(knowledge_copy)
    shutil.copy(knowledge_copy / "programmes" / "divert.yaml", broken)
    with pytest.raises(CatalogueError, match="duplicate id"):
        load_catalogue(knowledge_copy)


def test_a_programme_without_a_defining_criterion_is_rejected(knowledge_copy: Path) -> None:
    path = knowledge_copy / "programmes" / "divert.yaml"
    data = yaml.safe_load(path.read_text())
    for criterion in data["criteria"]:
        criterion.pop("defining", None)
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(CatalogueError, match="defining"):
        load_catalogue(knowledge_copy)


def test_the_example_record_in_the_docs_is_valid() -> None:
    from tests.conftest import ROOT
    from vrn_core import Programme

    text = (ROOT / "docs" / "catalogue.md").read_text()
    block = textwrap.dedent(text.split("```yaml\n")[1].split("```")[0])
    data = yaml.safe_load(block)
    assert data["contacts"] == ["lancashire-vrn"]  # a shared contact, expanded by the loader
    shared = yaml.safe_load((KNOWLEDGE / "contacts.yaml").read_text())
    programme = Programme.model_validate({**data, "contacts": [shared["lancashire-vrn"]]})
    assert programme.id == "example-mentoring"
    assert block.startswith("# yaml-language-server: $schema=")


def test_an_unknown_programme_id_names_the_known_ones() -> None:
    catalogue = default_catalogue()
    assert catalogue.get("divert").name.startswith("DIVERT")
    with pytest.raises(UnknownProgramme, match=r"no programme 'nope'; known: .*divert") as raised:
        catalogue.get("nope")
    assert isinstance(raised.value, KeyError) and raised.value.programme_id == "nope"


def test_short_and_long_source_forms_are_the_same_source(knowledge_copy: Path) -> None:
    path = knowledge_copy / "programmes" / "divert.yaml"
    data = yaml.safe_load(path.read_text())
    assert data["summary"]["source"] == "divert.md#What it is"
    data["summary"]["source"] = {"document": "divert.md", "locator": "What it is"}
    path.write_text(yaml.safe_dump(data))
    assert load_catalogue(knowledge_copy).get("divert") == default_catalogue().get("divert")


def test_a_source_without_a_section_is_refused(knowledge_copy: Path) -> None:
    path = knowledge_copy / "programmes" / "divert.yaml"
    _edit(path, {"summary": {"text": "Coaches in custody.", "source": "divert.md"}})
    with pytest.raises(CatalogueError, match="DOCUMENT#SECTION") as caught:
        load_catalogue(knowledge_copy)
    assert caught.value.field == "summary.source"


def test_programmes_share_the_vrn_contact_by_its_id(knowledge_copy: Path) -> None:
    contacts = {p.id: p.contacts for p in default_catalogue()}
    assert all(
        any(one.name == "Lancashire Violence Reduction Network" for one in c)
        for c in contacts.values()
    )
    _edit(knowledge_copy / "programmes" / "divert.yaml", {"contacts": ["lancashire-vnr"]})
    with pytest.raises(CatalogueError, match=r"'lancashire-vnr'.*known: lancashire-vrn") as caught:
        load_catalogue(knowledge_copy)
    assert caught.value.field == "contacts.0" and caught.value.record == "divert"


def test_a_yaml_alias_bomb_is_refused_before_it_expands(knowledge_copy: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(8)
    )
    (knowledge_copy / "programmes" / "zz-bomb.yaml").write_text(bomb)
    with pytest.raises(CatalogueError, match=r"zz-bomb\.yaml.*uses a YAML alias at line 2"):
        load_catalogue(knowledge_copy)


def test_an_impossible_date_is_a_catalogue_error(knowledge_copy: Path) -> None:
    path = knowledge_copy / "programmes" / "divert.yaml"
    path.write_text(path.read_text().replace("start: 2020-09-01", "start: 2020-13-45"))
    with pytest.raises(CatalogueError, match=r"divert\.yaml.*value that cannot be read"):
        load_catalogue(knowledge_copy)


def test_a_corpus_document_that_is_not_utf8_is_named(knowledge_copy: Path) -> None:
    document = knowledge_copy / "corpus" / "divert.md"
    document.write_bytes(
        document.read_text().replace("DIVERT", "DIVERT caf\u00e9").encode("latin-1")
    )
    with pytest.raises(CatalogueError, match=r"divert\.md.*not UTF-8 text"):
        load_catalogue(knowledge_copy)


def test_contact_routes_are_typed_and_a_malformed_number_names_its_record(
    knowledge_copy: Path,
) -> None:
    catalogue = load_catalogue(knowledge_copy)
    police = catalogue.contacts["lancashire-police"]
    assert [(r.kind.value, r.value) for r in police.routes()] == [
        ("phone", "101"),
        ("phone", "999"),
    ]
    county = catalogue.contacts["lancashire-childrens-services"]
    assert [r.kind.value for r in county.routes()] == ["phone", "phone", "web"]
    contacts = knowledge_copy / "contacts.yaml"
    contacts.write_text(
        contacts.read_text().replace("phone: 0300 123 6720", "phone: ring the council")
    )
    with pytest.raises(CatalogueError, match="lancashire-childrens-services") as caught:
        load_catalogue(knowledge_copy)
    assert caught.value.field == "phone"


def test_a_shared_contact_must_cite_a_real_section_and_serve_known_places(
    knowledge_copy: Path,
) -> None:
    contacts = knowledge_copy / "contacts.yaml"
    text = contacts.read_text()
    contacts.write_text(text.replace("district:wyre]", "district:wyer]"))
    with pytest.raises(CatalogueError, match="'district:wyer'") as caught:
        load_catalogue(knowledge_copy)
    assert caught.value.record == "lancashire-childrens-services"
    contacts.write_text(text.replace("police-contact.md#Numbers to ring", "police-contact.md#Nope"))
    with pytest.raises(CatalogueError, match="no such heading") as caught:
        load_catalogue(knowledge_copy)
    assert caught.value.record == "lancashire-police"


def test_the_usual_routes_follow_the_council_area() -> None:
    catalogue = default_catalogue()
    child = UsualRoute.child_safeguarding

    def names(place: str | None) -> list[str]:
        return [c.name for c in catalogue.usual_routes(child, place)]

    assert names("town:darwen") == ["Blackburn with Darwen Children's Advice and Duty Service"]
    assert names("town:burnley") == ["Lancashire County Council Children's Services"]
    assert names("district:blackpool") == ["Blackpool Families Rock Request for Support Hub"]
    assert len(names("lancashire")) == 3  # any of the three councils
    assert [c.name for c in catalogue.usual_routes(UsualRoute.domestic_abuse)] == [
        "Lancashire Constabulary"
    ]


def test_advice_is_addressed_to_who_is_asking() -> None:
    pathway = default_catalogue().get("divert").pathway
    custody = pathway.advice_for(Asker.custody_staff)
    assert custody is not None and "ask for the coach on shift" in custody.text
    assert pathway.advice_for(None) is None
