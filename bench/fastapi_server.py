"""The seed's stack as a baseline (issue 20): FastAPI + uvicorn + pydantic + sqlite3.

Answers the two campaign reads of the real server with the same JSON bytes, from the real server's own
SQLite file (read-only), after checking the real server's HS256 access token (hmac, same secret, issuer
and audience) and the caller's membership. Run by bench/run.ts with Debian's /usr/bin/python3
(python3-fastapi, python3-uvicorn, python3-uvloop, python3-httptools); one uvicorn worker.
Usage: fastapi_server.py <sqlite file> <port>, secret in BENCH_SECRET.
"""

import base64
import hashlib
import hmac
import json
import os
import sqlite3
import sys
import time
from typing import List, Optional, Union

import uvicorn
from fastapi import FastAPI, Header, HTTPException
from pydantic import BaseModel, StrictInt

DATABASE, PORT = sys.argv[1], int(sys.argv[2])
SECRET = os.environ["BENCH_SECRET"].encode()

db = sqlite3.connect(f"file:{DATABASE}?mode=ro", uri=True, check_same_thread=False)
db.row_factory = sqlite3.Row


class Kpi(BaseModel):
    metric: str
    target: Union[StrictInt, float]


class Campaign(BaseModel):
    id: str
    business_id: str
    name: str
    objective: str
    channels: List[str]
    budget_minor: int
    currency: str
    start_date: str
    end_date: str
    kpis: List[Kpi]
    status: str
    created_by: Optional[str]
    created_at: str
    updated_at: str


class CampaignPage(BaseModel):
    items: List[Campaign]
    next_cursor: Optional[str]


def b64decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def user_of(authorization: Optional[str]) -> str:
    if not authorization or not authorization.startswith("Bearer "):
        raise HTTPException(401)
    try:
        header, payload, signature = authorization[7:].split(".")
        expected = hmac.new(SECRET, f"{header}.{payload}".encode(), hashlib.sha256).digest()
        if json.loads(b64decode(header)).get("alg") != "HS256" or not hmac.compare_digest(
            expected, b64decode(signature)
        ):
            raise ValueError("signature")
        claims = json.loads(b64decode(payload))
        if claims.get("iss") != "mcc" or claims.get("aud") != "mcc-api" or claims["exp"] <= time.time():
            raise ValueError("claims")
        return claims["sub"]
    except (ValueError, KeyError):
        raise HTTPException(401)


def require_member(business_id: str, user_id: str) -> None:
    row = db.execute(
        "select role from memberships where business_id = ? and user_id = ?", (business_id, user_id)
    ).fetchone()
    if row is None:
        raise HTTPException(404)


def to_campaign(row: sqlite3.Row) -> dict:
    fields = dict(row)
    fields["channels"] = json.loads(fields["channels"])
    fields["kpis"] = json.loads(fields["kpis"])
    return fields


app = FastAPI()


@app.get("/api/campaign/", response_model=CampaignPage)
async def list_campaigns(business_id: str, limit: int = 50, authorization: Optional[str] = Header(None)):
    user_id = user_of(authorization)
    require_member(business_id, user_id)
    rows = db.execute(
        "select * from campaigns where business_id = ? order by start_date, id limit ?",
        (business_id, limit + 1),
    ).fetchall()
    if len(rows) > limit:
        raise HTTPException(500, "the bench's workspace holds one page")
    return {"items": [to_campaign(row) for row in rows], "next_cursor": None}


@app.get("/api/campaign/{campaign_id}", response_model=Campaign)
async def one_campaign(campaign_id: str, authorization: Optional[str] = Header(None)):
    user_id = user_of(authorization)
    row = db.execute("select * from campaigns where id = ?", (campaign_id,)).fetchone()
    if row is None:
        raise HTTPException(404)
    require_member(row["business_id"], user_id)
    return to_campaign(row)


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=PORT, log_level="warning", access_log=False)
