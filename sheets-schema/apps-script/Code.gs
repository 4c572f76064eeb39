/**
 * actionlog relay, bound to the committee's Google Sheet: after each edit it signs a short
 * nudge ({spreadsheetId, tab, range}, never cell values) and POSTs it to the onSheetEdit
 * function, which re-reads the sheet and validates it. It also adds the "Action log" menu.
 *
 * Script Properties (Project Settings > Script Properties):
 *   ACTIONLOG_URL    where the functions live, e.g. https://europe-west2-my-project.cloudfunctions.net
 *   ACTIONLOG_SECRET the webhook secret (the actionlog-webhook-secret in Secret Manager)
 * Then run setup() once from the editor to install the edit and change triggers.
 */

var MENU_TITLE = 'Action log';
var SIGNATURE_HEADER = 'X-Actionlog-Signature';
/** Tabs the automation writes: edits there change nothing the checks read. */
var UNCHECKED_TABS = /^(audit|mail log|register .*)$/i;
/** Change types relayEdit already covers (EDIT) or that change no value (FORMAT). */
var UNRELAYED_CHANGES = { EDIT: true, FORMAT: true };
/** Script Property recording when setup last ran, by anyone. */
var SET_UP_PROPERTY = 'ACTIONLOG_SET_UP_AT';

/** Simple trigger: adds the menu whenever the sheet is opened. */
function onOpen() {
  SpreadsheetApp.getUi()
    .createMenu(MENU_TITLE)
    .addItem('Validate now', 'validateNow')
    .addItem('Roll forward', 'rollForward')
    .addItem('Generate register...', 'generateRegister')
    .addItem('Preview digest...', 'previewDigest')
    .addSeparator()
    .addItem('Set up triggers', 'setup')
    .addToUi();
}

/**
 * Run once (again after changing the Script Properties): installs the edit and change triggers,
 * replacing this person's old ones. Triggers belong to whoever ran setup, and nobody can see or
 * delete another person's, so a Script Property records that setup ran: when it did but this
 * person has none, someone else's triggers are probably still live and every edit would be
 * relayed twice.
 */
function setup() {
  settings_();
  var spreadsheet = SpreadsheetApp.getActive();
  var mine = 0;
  ScriptApp.getProjectTriggers().forEach(function (trigger) {
    var handler = trigger.getHandlerFunction();
    if (handler === 'relayEdit' || handler === 'relayChange') {
      ScriptApp.deleteTrigger(trigger);
      mine += 1;
    }
  });
  ScriptApp.newTrigger('relayEdit').forSpreadsheet(spreadsheet).onEdit().create();
  ScriptApp.newTrigger('relayChange').forSpreadsheet(spreadsheet).onChange().create();
  var properties = PropertiesService.getScriptProperties();
  var before = properties.getProperty(SET_UP_PROPERTY);
  properties.setProperty(SET_UP_PROPERTY, new Date().toISOString());
  var message = 'Action log is set up: every edit is now checked within seconds.';
  if (before && mine === 0) {
    message +=
      '\n\nSomeone else set up triggers on ' + before.slice(0, 10) + '. Ask them to open Extensions > Apps Script > Triggers and delete ' +
      'their relayEdit and relayChange triggers (or remove their access to the sheet), or every edit is checked twice.';
  }
  notify_(message);
}

/** Installable onEdit trigger. */
function relayEdit(e) {
  var tab = e.range.getSheet().getName();
  if (UNCHECKED_TABS.test(tab)) return;
  var result = post_('onSheetEdit', { spreadsheetId: SpreadsheetApp.getActive().getId(), tab: tab, range: e.range.getA1Notation() });
  if (result.status !== 200) console.warn('actionlog onSheetEdit answered ' + result.status + ': ' + result.body.error);
}

/** Installable onChange trigger: rows inserted or removed, tabs added or renamed, which onEdit does not report. */
function relayChange(e) {
  if (UNRELAYED_CHANGES[e.changeType]) return;
  var spreadsheet = SpreadsheetApp.getActive();
  var result = post_('onSheetEdit', { spreadsheetId: spreadsheet.getId(), tab: spreadsheet.getActiveSheet().getName(), range: '' });
  if (result.status !== 200) console.warn('actionlog onSheetEdit answered ' + result.status + ': ' + result.body.error);
}

function validateNow() {
  var spreadsheet = SpreadsheetApp.getActive();
  var result = post_('onSheetEdit', { spreadsheetId: spreadsheet.getId(), tab: spreadsheet.getActiveSheet().getName(), range: '' });
  if (!succeeded_(result)) return;
  var body = result.body;
  notify_('Checked ' + body.rows + ' rows: ' + body.problems + ' problems (see the Checks column), ' + body.changes + ' changes written (see the Audit tab).');
}

function rollForward() {
  var result = post_('generateRegister', { spreadsheetId: SpreadsheetApp.getActive().getId() });
  if (succeeded_(result)) notify_(describeRegisters_(result.body));
}

function generateRegister() {
  var ui = SpreadsheetApp.getUi();
  var answer = ui.prompt('Generate register', 'Roll forward from which Held meeting? (29 builds the register for meeting 30)', ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  var text = answer.getResponseText().trim();
  if (!/^\d{1,6}$/.test(text)) {
    notify_('"' + text + '" is not a meeting number; type a whole number such as 29.');
    return;
  }
  var result = post_('generateRegister', { spreadsheetId: SpreadsheetApp.getActive().getId(), meeting: Number(text) });
  if (succeeded_(result)) notify_(describeRegisters_(result.body));
}

function previewDigest() {
  var ui = SpreadsheetApp.getUi();
  var answer = ui.prompt('Preview digest', 'Whose weekly digest? (a name, initials or alias from Members)', ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  var person = answer.getResponseText().trim();
  if (!person) return;
  var result = post_('previewDigest', { spreadsheetId: SpreadsheetApp.getActive().getId(), person: person });
  if (succeeded_(result)) {
    // The HTML is the email itself; sheet text in it was escaped by the function.
    ui.showModalDialog(HtmlService.createHtmlOutput(result.body.html).setWidth(760).setHeight(600), result.body.subject);
  }
}

function describeRegisters_(body) {
  var lines = (body.registers || []).map(function (r) {
    var left = r.skipped
      ? '\n  ' + r.skipped + ' Carried values were left because those rows changed while it ran; choose Generate register for meeting ' + r.meeting + ' to finish.'
      : '';
    return (r.registerWritten ? 'Built ' : 'Unchanged: ') + r.tab + ' (' + r.actions + ' actions)' + (r.warnings.length ? '\n  ' + r.warnings.join('\n  ') : '') + left;
  });
  if (lines.length === 0) lines.push('No register to build: every Held meeting already has the register for the meeting after it.');
  return lines.concat(body.notes || []).join('\n');
}

function succeeded_(result) {
  if (result.status === 200) return true;
  var reason = result.body.error || 'no reason given';
  notify_(result.status === 0 ? 'Action log could not reach its functions: ' + reason : 'Action log could not do that (' + result.status + '): ' + reason);
  return false;
}

/** An alert when a person is looking; the execution log otherwise (setup run from the editor, triggers). */
function notify_(message) {
  try {
    SpreadsheetApp.getUi().alert(MENU_TITLE, message, SpreadsheetApp.getUi().ButtonSet.OK);
  } catch (err) {
    console.log(message);
  }
}

function settings_() {
  var properties = PropertiesService.getScriptProperties();
  // Pasted values often carry a stray space or line break.
  var url = (properties.getProperty('ACTIONLOG_URL') || '').trim();
  var secret = (properties.getProperty('ACTIONLOG_SECRET') || '').trim();
  var missing = [];
  if (!url || !/^https?:\/\//.test(url)) missing.push('ACTIONLOG_URL (e.g. https://europe-west2-my-project.cloudfunctions.net)');
  if (!secret || secret.length < 16) missing.push('ACTIONLOG_SECRET (the webhook secret from Secret Manager)');
  if (missing.length > 0) throw new Error('Set these in Project Settings > Script Properties: ' + missing.join('; '));
  return { url: url.replace(/\/+$/, ''), secret: secret };
}

/**
 * Signs and POSTs: X-Actionlog-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<function>.<body>")>.
 * The function's name is signed too, so a nudge to onSheetEdit is refused by generateRegister. The body is pure ASCII (other characters \u-escaped), so the bytes signed are the bytes sent
 * whatever charset Apps Script picks. A random nonce makes every body unique: the function refuses
 * a signature it has seen, and two identical nudges in one second (an edit and its undo) would
 * otherwise sign alike. Never throws: a missing property or an unreachable URL comes back as
 * status 0, so a trigger logs it instead of failing (which would email whoever ran setup).
 */
function post_(functionName, payload) {
  try {
    return send_(functionName, payload);
  } catch (err) {
    // UrlFetchApp quotes the URL it could not reach: a user name or password in ACTIONLOG_URL stays hidden.
    var reason = String((err && err.message) || err).replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s\/?#]*@/gi, '$1***@');
    return { status: 0, body: { error: reason } };
  }
}

function send_(functionName, payload) {
  var settings = settings_();
  var signed = {};
  Object.keys(payload).forEach(function (key) {
    signed[key] = payload[key];
  });
  signed.nonce = Utilities.getUuid();
  var body = asciiJson_(signed);
  var t = Math.floor(Date.now() / 1000);
  var mac = Utilities.computeHmacSha256Signature(t + '.' + functionName + '.' + body, settings.secret, Utilities.Charset.UTF_8);
  var headers = {};
  headers[SIGNATURE_HEADER] = 't=' + t + ',v1=' + hex_(mac);
  var response = UrlFetchApp.fetch(settings.url + '/' + functionName, {
    method: 'post',
    contentType: 'application/json',
    payload: body,
    headers: headers,
    muteHttpExceptions: true,
  });
  var text = response.getContentText();
  var parsed;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    parsed = { error: text.slice(0, 300) };
  }
  return { status: response.getResponseCode(), body: parsed || {} };
}

function asciiJson_(value) {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, function (c) {
    return '\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4);
  });
}

/** Apps Script returns signed Java bytes (-128..127). */
function hex_(bytes) {
  return bytes
    .map(function (b) {
      return ('0' + (b & 0xff).toString(16)).slice(-2);
    })
    .join('');
}
