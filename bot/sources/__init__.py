"""Programme sources by URL: fetched at start, then polled; the last good version of each is
kept in the database, so a failing server or a restart without network loses nothing.

`fetch` asks one URL (conditional request, timeout, size limit); `repository` keeps the last
good answer; `remote` follows every configured URL and hands the loaders what it has.
"""
