"""Programme sources by URL: fetched at start, then polled; the last answer of each is kept
in the database, so a failing server or a restart without network loses nothing.

`fetch` asks one URL (conditional request, timeout, size limit, an answer cut before its
end refused); `repository` keeps the last answer; `remote` follows every configured URL and
hands the loaders what it has. Which version is published is bot.publishing's decision.
"""
