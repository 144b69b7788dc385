"""The proposals' tables, one repository each: the proposals with their history and
schedule, the organisers' reviews, the dialogue drafts and the calls set with !cfp."""
