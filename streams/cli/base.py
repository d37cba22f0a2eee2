"""A Faust app command that runs to completion and returns an exit status.

Faust's own commands run inside a long-lived ``mode.Worker``; ``publish``, ``tail`` and ``enrich`` are
ordinary Unix tools instead: they own stdout, end when their input ends and say by their exit status
whether everything went through.
"""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Any, ClassVar, NoReturn

from faust.cli import AppCommand


class ToolCommand(AppCommand):
    abstract: ClassVar[bool] = True

    def __call__(self, *args: Any, **kwargs: Any) -> NoReturn:
        args = self.args + args
        kwargs = {**self.kwargs, **kwargs}
        try:
            status = asyncio.run(self.main(*args, **kwargs))
            sys.stdout.flush()
        except KeyboardInterrupt:
            status = 130
        except BrokenPipeError:  # the reader went away (`... | head`): stop quietly, as Unix tools do
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            status = 141
        raise SystemExit(status)

    async def main(self, *args: Any, **kwargs: Any) -> int:
        raise NotImplementedError
