"""The student's terminal chat over the lecture notes (Textual).

Only ``chatbot.cli`` reaches in here, through :func:`chatbot.tui.app.run`; nothing else in the
package imports Textual, so ``chatbot ask`` stays fast.
"""
