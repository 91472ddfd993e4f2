from django import forms
from django.utils.translation import gettext_lazy as _

from ratings.models import MAX_SCORE, MIN_SCORE

SCORE_MESSAGE = _("Please choose a rating of 1 to 5 whole stars.")


class VoteForm(forms.Form):
    """The score, whatever the body it came in (form fields or JSON)."""

    score = forms.IntegerField(
        min_value=MIN_SCORE,
        max_value=MAX_SCORE,
        error_messages={
            "required": SCORE_MESSAGE,
            "invalid": SCORE_MESSAGE,
            "min_value": SCORE_MESSAGE,
            "max_value": SCORE_MESSAGE,
        },
    )

    def clean_score(self):
        raw = self.data.get("score")
        # IntegerField accepts "4.0"; a JSON number must be a real integer
        # (not 4.5, not true), a form value must be exactly one value.
        if isinstance(raw, bool | float | list | dict):
            raise forms.ValidationError(SCORE_MESSAGE, code="invalid")
        return self.cleaned_data["score"]
