"""What an import did, per kind: created, updated, unchanged, skipped (why)."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

EXAMPLES_PER_REASON = 5


@dataclass
class KindReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason → count
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


@dataclass
class Report:
    dry_run: bool = False
    source: str = ""  # what was read: WXR version, site, number of items
    kinds: dict[str, KindReport] = field(default_factory=dict)
    notes: Counter = field(default_factory=Counter)  # note → count
    note_examples: dict[str, list[str]] = field(
        default_factory=lambda: defaultdict(list)
    )
    errors: list[str] = field(default_factory=list)  # every post that failed

    def kind(self, kind: str) -> KindReport:
        return self.kinds.setdefault(kind, KindReport())

    def created(self, kind: str, count: int = 1) -> None:
        self.kind(kind).created += count

    def updated(self, kind: str, count: int = 1) -> None:
        self.kind(kind).updated += count

    def unchanged(self, kind: str, count: int = 1) -> None:
        self.kind(kind).unchanged += count

    def skipped(self, kind: str, reason: str, example: str = "") -> None:
        entry = self.kind(kind)
        entry.skipped[reason] += 1
        if example and len(entry.examples[reason]) < EXAMPLES_PER_REASON:
            entry.examples[reason].append(example)

    def note(self, text: str, example: str = "") -> None:
        self.notes[text] += 1
        if example and len(self.note_examples[text]) < EXAMPLES_PER_REASON:
            self.note_examples[text].append(example)

    def as_text(self) -> str:
        lines = ["Dry run: nothing was written." if self.dry_run else "Import done."]
        if self.source:
            lines[0] += f" {self.source}."
        width = max((len(kind) for kind in self.kinds), default=0)
        for kind, entry in self.kinds.items():
            lines.append(
                f"  {kind:<{width}}  created {entry.created}, updated {entry.updated}"
                f", unchanged {entry.unchanged}, skipped {entry.skipped_total}"
            )
            for reason, count in entry.skipped.most_common():
                examples = ", ".join(entry.examples.get(reason, []))
                suffix = f" (e.g. {examples})" if examples else ""
                lines.append(f"      skipped {count}: {reason}{suffix}")
        if self.notes:
            lines.append("  Notes:")
            for text, count in self.notes.most_common():
                examples = ", ".join(self.note_examples.get(text, []))
                suffix = f" (e.g. {examples})" if examples else ""
                lines.append(f"      {count} × {text}{suffix}")
        if self.errors:
            lines.append("  Errors (these posts were rolled back and skipped):")
            lines.extend(f"      {error}" for error in self.errors)
        return "\n".join(lines)
