"""What one app holds: the catalogue, the day's ORUK views, and the assistant, built
lazily once and shared (it is thread-safe)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from fastapi import Request

from vrn_assistant.interfaces.service.listing import OrukView
from vrn_core.catalogue import Catalogue

if TYPE_CHECKING:
    from vrn_assistant.assistant import Assistant

__all__ = ["ServiceState", "state_of"]

_VIEWS_KEPT = 8  # days whose ORUK views are kept built (today, and a few `date`s asked for)


class ServiceState:
    """Shared by every request of one app."""

    def __init__(self, catalogue: Catalogue, build_assistant: Callable[[], Assistant]) -> None:
        self.catalogue = catalogue
        self._build_assistant = build_assistant
        self._assistant: Assistant | None = None
        self._assistant_lock = threading.Lock()
        self._views: OrderedDict[date, OrukView] = OrderedDict()
        self._views_lock = threading.Lock()

    def view(self, day: date) -> OrukView:
        """The catalogue as ORUK shows it on `day`; the last few days' views are kept."""
        with self._views_lock:
            found = self._views.get(day)
            if found is not None:
                self._views.move_to_end(day)
                return found
        built = OrukView(self.catalogue, day)  # outside the lock: it takes milliseconds
        with self._views_lock:
            self._views[day] = built
            while len(self._views) > _VIEWS_KEPT:
                self._views.popitem(last=False)
        return built

    @property
    def assistant_built(self) -> bool:
        return self._assistant is not None

    def assistant(self) -> Assistant:
        """The assistant, built on first use (seconds: it loads the models and index)."""
        if self._assistant is None:
            with self._assistant_lock:
                if self._assistant is None:
                    self._assistant = self._build_assistant()
        return self._assistant


async def state_of(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.vrn
    return state
