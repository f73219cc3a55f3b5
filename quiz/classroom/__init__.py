"""The classroom: tests taken in exam mode, results files carried without a network, teachers' reports."""
