"""Everything about text, in one home: languages (i18n), replies as plain text and HTML,
French typography, long answers capped, invisible characters removed, names folded."""
