"""Question answering: a question goes down these modules once.

``query`` reads the question (terms, intent, answer type) → ``retrieve`` ranks passages and
gathers the evidence of the candidates → ``decide`` answers, narrows, widens, cautions or
declines → a :class:`~chatbot.qa.reply.Reply`. ``settings`` holds every weight and threshold
with the data it was fit on; ``engine`` ties the steps to a loaded index.
"""
