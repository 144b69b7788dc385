"""A talk line read into its title, its credit (speakers and organisations) and its kind.

`markup` turns a line's Markdown into plain text and links; `words` is the one table of
the words pages use (credit marks and labels, kinds) in French, English, German, Spanish,
Italian and Dutch; `names` reads persons and organisations; `credits` finds a credit in a
line; `kinds` gives a session's kind (`refreshments`, whether it offers coffee or a
meal); `titles` cuts a line into title and credit;
`quoted` reads a title in quotes with its credit around it.
"""
