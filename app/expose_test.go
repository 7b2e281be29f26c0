package app

// UserError exposes userError to the black-box tests.
var UserError = userError
