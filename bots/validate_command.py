"""`wellcheck validate [FILE…]`: the shipped data, one agency file, or a whole
WELLCHECK_AGENCIES_DIR (no workspace, tenant or tip channel claimed by two agencies)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bots.settings import Settings


def validate(settings: Settings, files: list[Path]) -> int:
    """Every error and warning as FILE:LINE: message on stdout; then a summary, or the verdict."""
    from core.datafiles.loader import check_files
    from core.datafiles.summary import plural, summaries

    folders = [f for f in files if f.is_dir()]
    folder = folders[0] if folders else None if files else settings.agencies_dir
    if folder is not None:
        return _validate_folder(settings, folder)
    problems = check_files(files, settings.data_paths, date.today())
    errors = sum(1 for p in problems if p.is_error)
    for problem in problems:  # the whole report on stdout, the verdict last
        print(problem)
    if errors:
        print(f"{plural(errors, 'error')}: fix them and run wellcheck validate again")
        return 1
    for line in summaries(files, settings.data_paths):
        print(line)
    return 0


def _validate_folder(settings: Settings, folder: Path) -> int:
    """WELLCHECK_AGENCIES_DIR (or a folder named on the command line): every agency file,
    and no workspace, tenant or tip channel claimed by two of them."""
    from core.datafiles.agencies import check_folder, folder_summaries
    from core.datafiles.summary import plural

    problems = check_folder(settings.data_paths, folder, date.today())
    errors = sum(1 for p in problems if p.is_error)
    for problem in problems:
        print(problem)
    if errors:
        print(f"{plural(errors, 'error')}: fix them and run wellcheck validate again")
        return 1
    for line in folder_summaries(settings.data_paths, folder, date.today()):
        print(line)
    return 0
