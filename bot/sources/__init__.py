"""Following the programme: sources by URL fetched at start, then polled, their last good
version kept in the database (so a failing server or a restart without network loses
nothing), and the programme reloaded when a file or a source changes.

`fetch` asks one URL (conditional request, timeout, size limit); `repository` keeps the last
good answer; `remote` follows every configured URL and hands the loaders what it has;
`reload` reads the programme again and puts it in place.
"""
