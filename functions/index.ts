/** The deployable entry (package.json main): importing it registers every cloud function by name. */
import "./on-sheet-edit.js";
import "./generate-register.js";
import "./sweep.js";
import "./rollover.js";
import "./weekly-digest.js";
import "./preview-digest.js";
