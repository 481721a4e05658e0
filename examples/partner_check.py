"""How a partner team checks eligibility inside its own tool with vrn_core.

Run: .venv/bin/python examples/partner_check.py
"""

from __future__ import annotations

from datetime import date

from vrn_core import Case, Verdict, check, default_catalogue


def main() -> None:
    catalogue = default_catalogue()  # knowledge/ (or $VRN_KNOWLEDGE_DIR), loaded once
    # Facts your system already holds. Anything you do not know, leave out:
    # the rules answer "unknown" for it and tell you which fact would settle it.
    case = Case(age=19, place="Prestn", setting="police_custody", offence="violent")
    report = check(catalogue, case, date(2020, 11, 15))

    print(f"Place read as: {report.place}")
    for programme in report.recommended:
        print(f"\nRecommended: {programme.name} ({programme.verdict.value})")
        for criterion in programme.criteria:
            print(f"  {criterion.result.value:8} {criterion.reason}")
        print(f"  availability: {programme.availability.reason}")
    near_misses = [p for p in report.considered if p.near_miss]
    for programme in near_misses:
        print(f"\nNear miss: {programme.name}: {programme.near_miss}")
    waiting = [p for p in report.considered if p.verdict is Verdict.not_available and p.relevant]
    for programme in waiting:
        print(f"\nWould fit, not running: {programme.name}: {programme.availability.reason}")
    # The same report as JSON, for a web service (schema: docs/schemas/report.schema.json):
    print(f"\nJSON: {len(report.model_dump_json())} characters")


if __name__ == "__main__":
    main()
