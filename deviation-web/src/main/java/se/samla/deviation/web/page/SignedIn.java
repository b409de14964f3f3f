package se.samla.deviation.web.page;

/** The signed-in person as the page header shows them: name, unit and organisation. */
public record SignedIn(String name, String unitName, String organisationName) {}
