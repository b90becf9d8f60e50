#!/usr/bin/env python3
"""The script researchers write today, for comparison in `npm run bench`:
jieba.posseg over every file, per-document term counts and a full-text
table in sqlite3, one transaction. Same user dictionary, same input folder.

usage: baseline_jieba.py INPUT_DIR DB_PATH USER_DICT
"""
import collections
import os
import sqlite3
import sys

import jieba
import jieba.posseg as pseg


def main(input_dir: str, db_path: str, user_dict: str) -> None:
    jieba.setLogLevel(60)
    jieba.load_userdict(user_dict)
    db = sqlite3.connect(db_path)
    db.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, name TEXT, text TEXT)")
    db.execute("CREATE TABLE terms (doc INTEGER, term TEXT, pos TEXT, n INTEGER)")
    db.execute("CREATE VIRTUAL TABLE docs_fts USING fts5(tokens)")
    with db:
        for name in sorted(os.listdir(input_dir)):
            with open(os.path.join(input_dir, name), encoding="utf-8", errors="replace") as f:
                text = f.read()
            cur = db.execute("INSERT INTO docs (name, text) VALUES (?, ?)", (name, text))
            doc = cur.lastrowid
            counts = collections.Counter()
            words = []
            for w in pseg.cut(text):
                if w.word.strip():
                    counts[(w.word, w.flag)] += 1
                    words.append(w.word)
            db.executemany(
                "INSERT INTO terms VALUES (?, ?, ?, ?)",
                [(doc, t, p, n) for (t, p), n in counts.items()],
            )
            db.execute("INSERT INTO docs_fts (rowid, tokens) VALUES (?, ?)", (doc, " ".join(words)))
    db.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
