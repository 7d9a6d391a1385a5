//! OTTL text to a spanned AST, and back.
