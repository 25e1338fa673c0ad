"""gunicorn's access log without secrets: tokens in paths (status links, confirmations) are masked."""

import re

from gunicorn.glogging import Logger

HEX_RUN = re.compile(r"[0-9a-f]{20,}")
SLUG = re.compile(r"(?:[a-z0-9.-]|%[0-9A-F]{2})+")


def is_token(segment: str) -> bool:
    """Signed tokens hold ":", password-reset tokens end in a hex run, random ones (43 URL-safe
    characters) are long and mixed-case; slugs ("lesepatin-an-der-grundschule-2", umlauts
    percent-encoded) are lower-case words and stay readable."""
    return (
        ":" in segment
        or bool(HEX_RUN.search(segment))
        or (len(segment) >= 20 and not SLUG.fullmatch(segment))
    )


def mask_tokens(path: str) -> str:
    return "/".join("…" if is_token(segment) else segment for segment in path.split("/"))


class AccessLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["U"] = mask_tokens(atoms["U"])
        atoms["r"] = "-"  # the request line repeats the path and the query string
        return atoms
