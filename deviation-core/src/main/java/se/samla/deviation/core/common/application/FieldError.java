package se.samla.deviation.core.common.application;

/** One invalid field of a command: its name as the API spells it, a stable code and a message. */
public record FieldError(String field, String code, String message) {}
