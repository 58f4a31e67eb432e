"""The message doctor: what an SMTP reply, a bounce or a message's headers say, in plain
words. Parsers are plain functions of the pasted text (no ORM, nothing stored); `doctor`
puts them together with the reply table and the MX host table read through `tables`."""
