/* test-scenarios.js
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Runs Govorun's generated VoxEngine scenarios in the stand-in and checks
 * their behaviour. Run by tests/test-scenario-generator.c as
 *
 *   node --test tests/voxengine/test-scenarios.js
 *
 * with these environment variables:
 *   GOVORUN_SCENARIO_INBOUND, GOVORUN_SCENARIO_OUTBOUND,
 *   GOVORUN_SCENARIO_WEBHOOK_BOT,
 *   GOVORUN_SCENARIO_OUTBOUND_WEBHOOK_BOT
 *                                 generated scenario files (a missing one
 *                                 skips that kind's tests; the last is the
 *                                 outbound kind with the webhook-bot engine)
 *   GOVORUN_SCENARIO_EXPECT       JSON file with the values given to the
 *                                 generator; the tests check they come back
 *                                 intact
 *   GOVORUN_SCENARIO_REPORT       optional: where to write what the
 *                                 stand-in saw, for the C test to compare
 */
'use strict';

const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { loadScenario, CALL_EVENTS, ASR_EVENTS } = require('./standin.js');

function scenarioSource(kind) {
  const file = process.env[`GOVORUN_SCENARIO_${kind}`];
  return file ? { file, source: fs.readFileSync(file, 'utf8') } : null;
}

const inbound = scenarioSource('INBOUND');
const outbound = scenarioSource('OUTBOUND');
const webhookBot = scenarioSource('WEBHOOK_BOT');
const outboundBot = scenarioSource('OUTBOUND_WEBHOOK_BOT');
const expected = process.env.GOVORUN_SCENARIO_EXPECT
  ? JSON.parse(fs.readFileSync(process.env.GOVORUN_SCENARIO_EXPECT, 'utf8'))
  : null;
const report = {};

after(() => {
  if (process.env.GOVORUN_SCENARIO_REPORT)
    fs.writeFileSync(process.env.GOVORUN_SCENARIO_REPORT, JSON.stringify(report, null, 2));
});

/* Values a contact list may hold, all of which must reach the agent as is. */
const HOSTILE = 'q"uote \'single\' back\\slash\nnew line </script><!-- & \u2028\u2029 emoji 😀 кириллица ${x} `tick`';

function load(scenario, options) {
  const defaults = { filename: path.basename(scenario.file) };
  if (expected && expected.elevenlabs_api_key_secret)
    defaults.secrets = { [expected.elevenlabs_api_key_secret]: expected.elevenlabs_api_key };
  const session = loadScenario(scenario.source, Object.assign(defaults, options));
  return session;
}

function assertClean(session) {
  assert.deepEqual(session.errors, [], 'the scenario used the platform as modelled');
}

function assertNoSecretInLogs(session) {
  if (!expected) return;
  for (const line of session.logs)
    assert.ok(!line.includes(expected.elevenlabs_api_key), 'the API key never reaches the log');
}

function only(session, api) {
  const calls = session.calledApis(api);
  assert.equal(calls.length, 1, `${api} called exactly once`);
  return calls[0];
}

function checkAgentParams(session, client) {
  const params = client.params;
  assert.equal(params.includeConversationId, true);
  assert.equal(typeof params.onWebSocketClose, 'function');
  if (!expected) return;
  assert.equal(params.xiApiKey, expected.elevenlabs_api_key);
  if (expected.elevenlabs_api_key_secret)
    assert.deepEqual(only(session, 'VoxEngine.getSecretValue').plain, [expected.elevenlabs_api_key_secret],
                     'the key comes from the application secret');
  assert.equal(params.agentId, expected.elevenlabs_agent_id);
  if (expected.elevenlabs_base_url === null)
    assert.ok(!('baseUrl' in params), 'no baseUrl option without a residency host');
  else
    assert.equal(params.baseUrl, expected.elevenlabs_base_url);
}

function checkRecording(session) {
  const records = session.calledApis('call.record');
  if (expected && !expected.record) {
    assert.equal(records.length, 0, 'no recording when switched off');
    return;
  }
  assert.equal(records.length, 1);
  assert.deepEqual(records[0].plain[0], { hd_audio: true, stereo: true });
}

/* A call-list report is confirmed by the call list before the session
 * ends; otherwise terminate() can cut it off. */
function assertReportedBeforeEnd(session) {
  const answered = session.indexOf('CallList.callback');
  assert.ok(answered >= 0, 'the call list answered the report');
  assert.ok(answered < session.indexOf('VoxEngine.terminate'), 'the report was confirmed before terminate()');
}

/* The session ended once, after the call list confirmed its report, and
 * used the platform only as modelled; frees it. */
function assertEndedAfterReport(session) {
  only(session, 'VoxEngine.terminate');
  assertReportedBeforeEnd(session);
  assertClean(session);
  session.dispose();
}

function assertNoCallList(session) {
  assert.deepEqual(session.records.filter((r) => r.api.startsWith('CallList.')).map((r) => r.api), [],
    'a "call me" run touches no CallList API');
}

function checkAgentName(session) {
  if (!expected) return;
  assert.ok(session.logs.some((l) => l.includes(expected.agent_name)), 'the agent name reaches the log intact');
}

/* ------------------------------------------------------------------ */
/* Inbound                                                            */
/* ------------------------------------------------------------------ */

test('inbound: answer, variables before the bridge, hang-up tears down once', { skip: !inbound }, async () => {
  const session = load(inbound);
  session.start({ sessionId: 'sess-77' });
  const call = session.ring({ callerid: '79161234567', destination: '74951234567' });
  await session.settle();

  only(session, 'call.answer');
  checkRecording(session);
  const client = session.clients[0];
  assert.equal(session.clients.length, 1);
  checkAgentParams(session, client);

  const init = only(session, 'client.conversationInitiationClientData');
  const vars = init.plain[0].dynamic_variables;
  assert.equal(vars.caller_id, '79161234567');
  assert.equal(vars.called_number, '74951234567');
  assert.equal(vars.voximplant_session_id, 'sess-77');
  assert.equal(vars.voximplant_call_id, call.id);
  const bridge = only(session, 'VoxEngine.sendMediaBetween');
  assert.ok(session.indexOf('client.conversationInitiationClientData') < session.indexOf('VoxEngine.sendMediaBetween'),
    'dynamic variables are sent before the media bridge');
  assert.equal(bridge.args[0], call.api);
  assert.equal(bridge.args[1], client.api);
  assert.equal(session.calledApis('VoxEngine.terminate').length, 0);

  session.fire(call, CALL_EVENTS.Disconnected, { reason: 'caller hung up', duration: 42 });
  await session.settle();
  assert.equal(client.closed, 1, 'the agent client is closed once');
  only(session, 'VoxEngine.terminate');
  assert.equal(session.calledApis('call.hangup').length, 0, 'no hang-up on a call already gone');
  checkAgentName(session);
  assertNoSecretInLogs(session);
  assertClean(session);

  report.inbound = {
    xiApiKey: client.params.xiApiKey,
    agentId: client.params.agentId,
    baseUrl: 'baseUrl' in client.params ? client.params.baseUrl : null,
    record: session.calledApis('call.record').length === 1,
    logs: session.logs,
  };
  session.dispose();
});

test('inbound: interruption clears the agent media buffer', { skip: !inbound }, async () => {
  const session = load(inbound);
  session.start();
  session.ring();
  await session.settle();
  const client = session.clients[0];
  assert.equal(session.calledApis('client.clearMediaBuffer').length, 0);
  session.emitAgent(client, 'Interruption', { payload: { interruption_event: { event_id: 7 } } });
  await session.settle();
  only(session, 'client.clearMediaBuffer');
  assertClean(session);
  session.dispose();
});

test('inbound: conversation id is stored compactly in custom data', { skip: !inbound }, async () => {
  const session = load(inbound);
  session.start();
  session.ring();
  await session.settle();
  const client = session.clients[0];
  const conversationId = 'conv_01jz5x7y8a9b0c1d2e3f4g5h6j';
  session.emitAgent(client, 'ConversationInitiationMetadata', {
    payload: {
      type: 'conversation_initiation_metadata',
      conversation_initiation_metadata_event: {
        conversation_id: conversationId, agent_output_audio_format: 'pcm_16000', user_input_audio_format: 'pcm_16000',
      },
    },
  });
  await session.settle();
  const set = only(session, 'VoxEngine.customData');
  assert.ok(Buffer.byteLength(set.args[0], 'utf8') <= 200);
  assert.deepEqual(JSON.parse(set.args[0]), { el_conv: conversationId });

  /* The flat payload shape works too, and an id too long for the
   * 200-byte limit is skipped rather than breaking the call. */
  session.emitAgent(client, 'ConversationInitiationMetadata', { conversation_id: 'conv_' + 'x'.repeat(300) });
  await session.settle();
  assert.equal(session.calledApis('VoxEngine.customData').length, 1);
  assertClean(session);
  session.dispose();
});

test('inbound: agent WebSocket close hangs up and terminates once', { skip: !inbound }, async () => {
  const session = load(inbound);
  session.start();
  session.ring();
  await session.settle();
  const client = session.clients[0];
  session.closeWebSocket(client, 1000);
  await session.settle();
  only(session, 'call.hangup');
  only(session, 'VoxEngine.terminate');
  assert.equal(client.closed, 1);
  assertClean(session);
  session.dispose();
});

test('inbound: call failure tears down once', { skip: !inbound }, async () => {
  const session = load(inbound);
  session.start();
  const call = session.ring();
  await session.settle();
  session.fire(call, CALL_EVENTS.Failed, { code: 603, reason: 'Decline' });
  session.fire(call, CALL_EVENTS.Disconnected, {});
  await session.settle();
  only(session, 'VoxEngine.terminate');
  assert.equal(session.clients[0].closed, 1);
  assertClean(session);
  session.dispose();
});

test('inbound: agent that cannot connect → hang-up and terminate', { skip: !inbound }, async () => {
  const session = load(inbound, { elevenLabs: { reject: 'WebSocket handshake failed' } });
  session.start();
  session.ring();
  await session.settle();
  only(session, 'call.hangup');
  only(session, 'VoxEngine.terminate');
  assert.equal(session.calledApis('VoxEngine.sendMediaBetween').length, 0);
  assert.ok(session.logs.some((l) => l.includes('WebSocket handshake failed')));
  assertNoSecretInLogs(session);
  assertClean(session);
  session.dispose();
});

test('inbound: caller hangs up while the agent connects', { skip: !inbound }, async () => {
  const session = load(inbound, { elevenLabs: { deferred: true } });
  session.start();
  const call = session.ring();
  await session.settle();
  session.fire(call, CALL_EVENTS.Disconnected, {});
  await session.settle();
  only(session, 'VoxEngine.terminate');
  session.clients[0].resolve();
  await session.settle();
  /* Only the late client's close() runs after terminate, which the
   * stand-in flags; nothing else may. */
  assert.equal(session.clients[0].closed, 1, 'the late client is closed');
  assert.equal(session.calledApis('VoxEngine.sendMediaBetween').length, 0);
  assert.equal(session.calledApis('VoxEngine.terminate').length, 1);
  assert.ok(session.errors.every((e) => e.includes('client.close called after')), session.errors.join('\n'));
  session.dispose();
});

/* ------------------------------------------------------------------ */
/* Outbound                                                           */
/* ------------------------------------------------------------------ */

function callListRow(extra) {
  return JSON.stringify(Object.assign({
    phone_number: '+79161234567',
    campaign_id: 'camp-1',
    contact_id: 'contact-9',
    first_name: 'Анна',
    note: HOSTILE,
    [HOSTILE]: 'key too',
    __task_uuid: 'a1b2-c3',
  }, extra));
}

async function dialled(session) {
  session.start({ sessionId: 'sess-out' });
  await session.settle();
  const dial = only(session, 'VoxEngine.callPSTN');
  return { dial, call: session.calls[0] };
}

/* Dials callListRow()'s contact from the agent's number, who answers; the
 * call is recorded unless switched off. */
async function rowAnswered(session) {
  const { dial, call } = await dialled(session);
  assert.equal(dial.args[0], '+79161234567');
  if (expected) assert.equal(dial.args[1], expected.caller_id);
  session.fire(call, CALL_EVENTS.Connected, {});
  await session.settle();
  checkRecording(session);
  return { dial, call };
}

test('outbound: call-list row answered → agent with row variables, reportResult once', { skip: !outbound }, async () => {
  const session = load(outbound, { customData: callListRow() });
  const { dial, call } = await rowAnswered(session);
  const client = session.clients[0];
  checkAgentParams(session, client);
  const vars = only(session, 'client.conversationInitiationClientData').plain[0].dynamic_variables;
  assert.equal(vars.first_name, 'Анна');
  assert.equal(vars.note, HOSTILE, 'a hostile cell arrives intact');
  assert.equal(vars[HOSTILE], 'key too', 'a hostile column name arrives intact');
  assert.equal(vars.campaign_id, 'camp-1');
  assert.equal(vars.contact_id, 'contact-9');
  assert.equal(vars.phone_number, '+79161234567');
  assert.equal(vars.voximplant_session_id, 'sess-out');
  assert.ok(!('__task_uuid' in vars), 'service columns are not variables');
  if (expected) assert.equal(vars.caller_id, expected.caller_id);
  assert.ok(session.indexOf('client.conversationInitiationClientData') < session.indexOf('VoxEngine.sendMediaBetween'));

  session.emitAgent(client, 'ConversationInitiationMetadata', {
    payload: { conversation_initiation_metadata_event: { conversation_id: 'conv_abc' } },
  });
  await session.settle();
  const result = only(session, 'CallList.reportResult');
  assert.equal(result.plain[0].conversation_id, 'conv_abc');
  /* The history keeps the campaign and the contact with the conversation. */
  assert.deepEqual(JSON.parse(session.customData),
    { el_conv: 'conv_abc', campaign_id: 'camp-1', contact_id: 'contact-9' });
  assert.ok(session.indexOf('VoxEngine.customData') < session.indexOf('VoxEngine.callPSTN'),
    'an unanswered call is joined to its contact too');

  session.fire(call, CALL_EVENTS.Disconnected, {});
  await session.settle();
  only(session, 'CallList.reportResult');
  assert.equal(session.calledApis('CallList.reportError').length, 0);
  only(session, 'VoxEngine.terminate');
  assertReportedBeforeEnd(session);
  assert.equal(client.closed, 1);
  checkAgentName(session);
  assertNoSecretInLogs(session);
  assertClean(session);

  report.outbound = {
    xiApiKey: client.params.xiApiKey,
    agentId: client.params.agentId,
    baseUrl: 'baseUrl' in client.params ? client.params.baseUrl : null,
    callerId: dial.args[1],
    note: vars.note,
  };
  session.dispose();
});

test('outbound: hang-up before the conversation id still reports the result', { skip: !outbound }, async () => {
  const session = load(outbound, { customData: callListRow() });
  const { call } = await dialled(session);
  session.fire(call, CALL_EVENTS.Connected, {});
  await session.settle();
  session.fire(call, CALL_EVENTS.Disconnected, {});
  await session.settle();
  const result = only(session, 'CallList.reportResult');
  assert.equal(result.plain[0].outcome, 'answered');
  assert.ok(!('conversation_id' in result.plain[0]));
  assert.ok(session.indexOf('CallList.reportResult') < session.indexOf('VoxEngine.terminate'),
    'the report goes out before the session ends');
  assertEndedAfterReport(session);
});

for (const [code, outcome] of [[486, 'busy'], [408, 'no_answer'], [480, 'no_answer'], [487, 'no_answer'], [404, 'failed']]) {
  test(`outbound: failure ${code} → reportError ${outcome}`, { skip: !outbound }, async () => {
    const session = load(outbound, { customData: callListRow() });
    const { call } = await dialled(session);
    session.fire(call, CALL_EVENTS.Failed, { code, reason: 'Reason ' + code });
    await session.settle();
    const error = only(session, 'CallList.reportError');
    assert.equal(error.plain[0].outcome, outcome);
    assert.equal(error.plain[0].code, code);
    assert.equal(session.calledApis('CallList.reportResult').length, 0);
    assert.equal(session.clients.length, 0, 'no agent for a call never answered');
    assertEndedAfterReport(session);
  });
}

/* -- calling hours (govorun_schedule) -- */

const scheduleCases = process.env.GOVORUN_SCHEDULE_CASES
  ? JSON.parse(fs.readFileSync(process.env.GOVORUN_SCHEDULE_CASES, 'utf8')).cases
  : null;

/* The same cases as tests/common/test-call-schedule.c: the scenario's
 * mirror of govorun-call-schedule.c agrees with the oracle. */
test('outbound: the calling schedule agrees with the shared cases', { skip: !outbound || !scheduleCases }, () => {
  const session = load(outbound, { customData: callListRow() });
  let checks = 0;
  for (const c of scheduleCases) {
    assert.notEqual(session.context.scheduleParse(c.column), null, c.name);
    for (const check of c.checks) {
      assert.equal(session.context.scheduleNext(c.column, check.now), check.next, `${c.name} at ${check.local}`);
      checks++;
    }
  }
  assert.ok(checks >= 30);
  for (const bad of ['', '2/180/540-1260/540-1260/31', '1/180/540-1260/540-1260/0', '1/180/540/540-1260/31',
    '1/180/540-1260/540-1260/31/5:60,4:120', '1/180/540-1260/540-1260/31//20,10', '1/180/540-1260/540-1260/31////',
    '1/ 180/540-1260/540-1260/31', '1/180/-5-1260/540-1260/31', '1/+180/540-1260/540-1260/31',
    '1/180/540-1260/540-1260/+31', '1/180/540-1260/540-1260/31//-5'])
    assert.equal(session.context.scheduleNext(bad, 0), -2, bad);
});

/* Moscow, Monday to Friday 09:00–21:00; Friday 4 December 2026. */
const MON_FRI = '1/180/540-1260/540-1260/31';
const FRIDAY_EVENING = Date.UTC(2026, 11, 4, 18, 30);    /* 21:30 in Moscow */
const MONDAY_MORNING = Date.UTC(2026, 11, 7, 6, 0) / 1000; /* 09:00 in Moscow */

test('outbound: outside the calling hours → no dial, requestNextAttempt at the next allowed start', { skip: !outbound }, async () => {
  const session = load(outbound, {
    customData: callListRow({ govorun_schedule: MON_FRI, govorun_attempts: '3' }),
    now: FRIDAY_EVENING,
  });
  session.start({ sessionId: 'sess-out' });
  await session.settle();
  assertClean(session);
  assert.equal(session.calledApis('VoxEngine.callPSTN').length, 0, 'nothing dialled');
  assert.equal(session.calledApis('CallList.reportResult').length, 0);
  assert.equal(session.calledApis('CallList.reportError').length, 0);
  const request = only(session, 'CallList.requestNextAttempt');
  assert.deepEqual(request.plain[0], { start_at: MONDAY_MORNING, attempts_left: 3 });
  assertEndedAfterReport(session);
});

test('outbound: a Saturday session of a Monday–Friday campaign is moved to Monday', { skip: !outbound }, async () => {
  const session = load(outbound, {
    customData: callListRow({ govorun_schedule: MON_FRI, govorun_attempts: '2' }),
    now: Date.UTC(2026, 11, 5, 9, 0),
  });
  session.start({ sessionId: 'sess-out' });
  await session.settle();
  assert.equal(session.calledApis('VoxEngine.callPSTN').length, 0);
  assert.deepEqual(only(session, 'CallList.requestNextAttempt').plain[0], { start_at: MONDAY_MORNING, attempts_left: 2 });
});

test('outbound: inside the calling hours → dials as before, schedule columns are not variables', { skip: !outbound }, async () => {
  const session = load(outbound, {
    customData: callListRow({ govorun_schedule: MON_FRI, govorun_attempts: '3', govorun_interval: '600' }),
    now: MONDAY_MORNING * 1000 + 60000,
  });
  const { call } = await rowAnswered(session);
  assert.equal(session.calledApis('CallList.requestNextAttempt').length, 0);
  const vars = only(session, 'client.conversationInitiationClientData').plain[0].dynamic_variables;
  assert.equal(vars.first_name, 'Анна');
  assert.ok(!('govorun_schedule' in vars) && !('govorun_attempts' in vars) && !('govorun_interval' in vars),
    'schedule columns are not variables');
  session.fire(call, CALL_EVENTS.Disconnected, {});
  await session.settle();
  only(session, 'CallList.reportResult');
});

/* Issue 11: the row keeps the attempts left. A Monday–Friday contact with
 * 3 attempts an hour apart fails twice on Friday evening, a session the
 * call list starts on Saturday is moved to Monday with the 1 attempt
 * left (not 3), and Monday's failure is the last: 3 dials in all. */
test('outbound: failed attempts count down in the row, across a weekend', { skip: !outbound }, async () => {
  const first = callListRow({ govorun_schedule: MON_FRI, govorun_attempts: '3', govorun_interval: '3600' });
  const fridaySeven = Date.UTC(2026, 11, 4, 16, 0);   /* 19:00 in Moscow */
  const fridayHalfEight = Date.UTC(2026, 11, 4, 17, 30); /* 20:30 */
  let dials = 0;

  async function failedSession(customData, now, code) {
    const session = load(outbound, { customData, now });
    const { call } = await dialled(session);
    dials++;
    session.fire(call, CALL_EVENTS.Failed, { code, reason: 'Reason ' + code });
    await session.settle();
    return session;
  }

  /* Friday 19:00: no answer; 2 left, the next an hour later. */
  let session = await failedSession(first, fridaySeven, 408);
  assert.equal(session.calledApis('CallList.reportError').length, 0);
  let request = only(session, 'CallList.requestNextAttempt').plain[0];
  assert.deepEqual(Object.keys(request).sort(), ['attempts_left', 'custom_data', 'start_at']);
  assert.equal(request.start_at, fridaySeven / 1000 + 3600);
  assert.equal(request.attempts_left, 2);
  assert.equal(typeof request.custom_data, 'string', 'custom_data is sent as a JSON string (UNVERIFIED)');
  assert.deepEqual(JSON.parse(request.custom_data), Object.assign(JSON.parse(first), { govorun_attempts: '2' }),
    'the row comes back whole, with the attempts left');
  assertEndedAfterReport(session);

  /* Friday 20:30: busy; 1 left, and an hour later is past 21:00, so Monday 09:00. */
  session = await failedSession(request.custom_data, fridayHalfEight, 486);
  request = only(session, 'CallList.requestNextAttempt').plain[0];
  assert.equal(request.start_at, MONDAY_MORNING);
  assert.equal(request.attempts_left, 1);
  assert.equal(JSON.parse(request.custom_data).govorun_attempts, '1');
  assertEndedAfterReport(session);
  const mondayRow = request.custom_data;

  /* A session on Saturday is postponed with the 1 attempt left. */
  session = load(outbound, { customData: mondayRow, now: Date.UTC(2026, 11, 5, 9, 0) });
  session.start({ sessionId: 'sess-out' });
  await session.settle();
  assert.equal(session.calledApis('VoxEngine.callPSTN').length, 0);
  assert.deepEqual(only(session, 'CallList.requestNextAttempt').plain[0], { start_at: MONDAY_MORNING, attempts_left: 1 });
  assertEndedAfterReport(session);

  /* Monday 09:01: the third and last attempt fails; the error ends the task. */
  session = await failedSession(mondayRow, MONDAY_MORNING * 1000 + 60000, 480);
  assert.equal(session.calledApis('CallList.requestNextAttempt').length, 0, 'no more attempts');
  assert.equal(only(session, 'CallList.reportError').plain[0].outcome, 'no_answer');
  assertEndedAfterReport(session);
  assert.equal(dials, 3);
});

test('outbound: a failed attempt of a row without govorun_interval is left to the call list', { skip: !outbound }, async () => {
  const session = load(outbound, {
    customData: callListRow({ govorun_schedule: MON_FRI, govorun_attempts: '3' }),
    now: MONDAY_MORNING * 1000 + 60000,
  });
  const { call } = await dialled(session);
  session.fire(call, CALL_EVENTS.Disconnected, {});
  await session.settle();
  assert.equal(session.calledApis('CallList.requestNextAttempt').length, 0);
  assert.equal(only(session, 'CallList.reportError').plain[0].reason, 'disconnected before answer');
  assertEndedAfterReport(session);
});

test('outbound: a schedule that allows nothing is reported once, never dialled', { skip: !outbound }, async () => {
  const session = load(outbound, { customData: callListRow({ govorun_schedule: '1/180/x/x/127' }), now: FRIDAY_EVENING });
  session.start({ sessionId: 'sess-out' });
  await session.settle();
  assert.equal(session.calledApis('VoxEngine.callPSTN').length, 0);
  assert.equal(only(session, 'CallList.reportResult').plain[0].outcome, 'outside_calling_hours');
});

test('outbound: an unreadable schedule is invalid data, never dialled', { skip: !outbound }, async () => {
  const session = load(outbound, { customData: callListRow({ govorun_schedule: '1/180/oops' }), now: FRIDAY_EVENING });
  session.start({ sessionId: 'sess-out' });
  await session.settle();
  assert.equal(session.calledApis('VoxEngine.callPSTN').length, 0);
  assert.equal(only(session, 'CallList.reportResult').plain[0].outcome, 'invalid_custom_data');
});

test('outbound: "call me" run makes no CallList calls', { skip: !outbound }, async () => {
  const session = load(outbound, {
    customData: JSON.stringify({ mode: 'callme', phone_number: '79161234567', variables: { name: HOSTILE, n: 3 } }),
  });
  const { dial, call } = await dialled(session);
  assert.equal(dial.args[0], '79161234567');
  session.fire(call, CALL_EVENTS.Connected, {});
  await session.settle();
  const vars = only(session, 'client.conversationInitiationClientData').plain[0].dynamic_variables;
  assert.equal(vars.name, HOSTILE);
  assert.equal(vars.n, 3);
  assert.ok(!('mode' in vars));
  session.emitAgent(session.clients[0], 'ConversationInitiationMetadata', { payload: { conversation_id: 'conv_me' } });
  session.fire(call, CALL_EVENTS.Disconnected, {});
  await session.settle();
  assertNoCallList(session);
  only(session, 'VoxEngine.terminate');
  assertClean(session);
  session.dispose();
});

test('outbound: "call me" failure makes no CallList calls', { skip: !outbound }, async () => {
  const session = load(outbound, { customData: JSON.stringify({ mode: 'callme', phone_number: '79161234567' }) });
  const { call } = await dialled(session);
  session.fire(call, CALL_EVENTS.Failed, { code: 486, reason: 'Busy' });
  await session.settle();
  assertNoCallList(session);
  only(session, 'VoxEngine.terminate');
  assertClean(session);
  session.dispose();
});

for (const [label, data, callList] of [
  ['not JSON', 'phone_number;first_name', true],
  ['an array', '[1,2]', true],
  ['no phone number', JSON.stringify({ first_name: 'x' }), true],
  ['a bad phone number', JSON.stringify({ phone_number: '+7 (916) <script>' }), true],
  ['call me without a number', JSON.stringify({ mode: 'callme', variables: {} }), false],
  ['call me with bad variables', JSON.stringify({ mode: 'callme', phone_number: '79161234567', variables: 'x' }), false],
]) {
  test(`outbound: custom data ${label} → log, ${callList ? 'reportResult with an error, ' : ''}terminate`, { skip: !outbound }, async () => {
    const session = load(outbound, { customData: data });
    session.start();
    await session.settle();
    assert.equal(session.calledApis('VoxEngine.callPSTN').length, 0);
    /* A result, not an error: the call list must not retry a task that
     * can never be called. */
    assert.equal(session.calledApis('CallList.reportError').length, 0);
    assert.equal(session.calledApis('CallList.reportResult').length, callList ? 1 : 0);
    if (callList) {
      const result = session.calledApis('CallList.reportResult')[0].plain[0];
      assert.equal(result.outcome, 'invalid_custom_data');
      assert.equal(typeof result.error, 'string');
      assert.ok(result.error.length > 0);
      assertReportedBeforeEnd(session);
    } else {
      assertNoCallList(session);
    }
    assert.ok(session.logs.some((l) => l.includes('cannot call')));
    only(session, 'VoxEngine.terminate');
    assertClean(session);
    session.dispose();
  });
}

test('outbound: a short call reported early is confirmed before terminate', { skip: !outbound }, async () => {
  const session = load(outbound, { customData: callListRow() });
  const { call } = await dialled(session);
  session.fire(call, CALL_EVENTS.Connected, {});
  await session.settle();
  /* The report goes out with the conversation id and the contact hangs up
   * in the same moment, before the call list could answer. */
  session.emitAgent(session.clients[0], 'ConversationInitiationMetadata', { conversation_id: 'conv_short' });
  session.fire(call, CALL_EVENTS.Disconnected, {});
  await session.settle();
  assert.equal(only(session, 'CallList.reportResult').plain[0].conversation_id, 'conv_short');
  assertEndedAfterReport(session);
});

test('outbound: "call me" run whose agent cannot connect makes no CallList calls', { skip: !outbound }, async () => {
  const session = load(outbound, {
    customData: JSON.stringify({ mode: 'callme', phone_number: '79161234567' }),
    elevenLabs: { reject: 'no agent' },
  });
  const { call } = await dialled(session);
  session.fire(call, CALL_EVENTS.Connected, {});
  await session.settle();
  only(session, 'call.hangup');
  assertNoCallList(session);
  only(session, 'VoxEngine.terminate');
  assertClean(session);
  session.dispose();
});

test('outbound: agent WebSocket close after answer → hang-up, one report, one terminate', { skip: !outbound }, async () => {
  const session = load(outbound, { customData: callListRow() });
  const { call } = await dialled(session);
  session.fire(call, CALL_EVENTS.Connected, {});
  await session.settle();
  session.closeWebSocket(session.clients[0], 1002);
  await session.settle();
  only(session, 'call.hangup');
  only(session, 'CallList.reportResult');
  assertEndedAfterReport(session);
});

test('outbound: agent that cannot connect → hang-up, reportError for a retry', { skip: !outbound }, async () => {
  const session = load(outbound, { customData: callListRow(), elevenLabs: { reject: 'no agent' } });
  const { call } = await dialled(session);
  session.fire(call, CALL_EVENTS.Connected, {});
  await session.settle();
  only(session, 'call.hangup');
  assert.equal(only(session, 'CallList.reportError').plain[0].outcome, 'agent_unavailable');
  assertEndedAfterReport(session);
});

/* ------------------------------------------------------------------ */
/* Webhook bot                                                        */
/* ------------------------------------------------------------------ */

function botReplies(overrides = {}) {
  const requests = [];
  const handler = (request) => {
    requests.push(request);
    const body = JSON.parse(request.options.postData);
    const reply = overrides[body.event_type];
    if (reply !== undefined) return typeof reply === 'function' ? reply(body) : reply;
    if (body.event_type === 'call_started') return { code: 200, text: JSON.stringify({ response: 'Здравствуйте! ' + HOSTILE }) };
    if (body.event_type === 'speech_recognized') return { code: 200, text: JSON.stringify({ response: 'Вы сказали: ' + body.text }) };
    return { code: 200, text: '{}' };
  };
  return { requests, handler };
}

/* What a bot scenario sent, for the C test to compare with its values. */
function botSeen(started, createASR, greeting) {
  const body = JSON.parse(started.args[1].postData);
  return {
    url: started.args[0],
    tenant_slug: body.custom_data.tenant_slug,
    language: body.custom_data.language,
    voice: greeting.plain[1].voice,
    profile: createASR.plain[0].profile,
  };
}

function bodies(requests) {
  return requests.map((r) => JSON.parse(r.options.postData));
}

test('webhook bot: a turn with a reply, speech ignored while the bot speaks', { skip: !webhookBot }, async () => {
  const bot = botReplies();
  const session = load(webhookBot, { http: bot.handler });
  session.start();
  const call = session.ring({ callerid: '79169876543' });
  await session.settle();

  only(session, 'call.answer');
  checkRecording(session);
  const createASR = only(session, 'VoxEngine.createASR');
  assert.equal(createASR.plain[0].singleUtterance, false, 'recognition streams');
  if (expected) assert.equal(createASR.plain[0].profile, expected.asr_profile);
  const asr = session.asrs[0];
  assert.equal(only(session, 'call.sendMediaTo').args[0], asr.api);

  const started = only(session, 'Net.httpRequestAsync');
  if (expected) assert.equal(started.args[0], expected.webhook_url);
  assert.equal(started.plain[1].method, 'POST');
  assert.deepEqual(started.plain[1].headers, { 'Content-Type': 'application/json' });
  assert.equal(started.plain[1].timeout, 10);
  const startedBody = JSON.parse(started.args[1].postData);
  assert.equal(startedBody.event_type, 'call_started');
  assert.equal(startedBody.call_id, call.id);
  assert.equal(startedBody.phone_number, '79169876543');
  if (expected) assert.deepEqual(startedBody.custom_data, { tenant_slug: expected.tenant_slug, language: expected.language });

  const greeting = only(session, 'call.say');
  assert.equal(greeting.args[0], 'Здравствуйте! ' + HOSTILE, 'the reply is said as received');
  if (expected) assert.equal(greeting.plain[1].voice, expected.tts_voice);

  /* The caller talks over the greeting: dropped. */
  session.fireASR(asr, ASR_EVENTS.Result, { text: 'перебиваю', confidence: 0.9 });
  await session.settle();
  assert.equal(bot.requests.length, 1, 'no request while the bot speaks');

  session.fire(call, CALL_EVENTS.PlaybackFinished, {});
  session.fireASR(asr, ASR_EVENTS.Result, { text: 'Сколько стоит номер?', confidence: 0.9 });
  await session.settle();
  assert.equal(bot.requests.length, 2);
  const speech = bodies(bot.requests)[1];
  assert.equal(speech.event_type, 'speech_recognized');
  assert.equal(speech.text, 'Сколько стоит номер?');
  assert.equal(speech.call_id, call.id);
  assert.equal(speech.phone_number, '79169876543');
  if (expected) assert.equal(speech.custom_data.tenant_slug, expected.tenant_slug);
  const says = session.calledApis('call.say');
  assert.equal(says.length, 2);
  assert.equal(says[1].args[0], 'Вы сказали: Сколько стоит номер?');

  session.fire(call, CALL_EVENTS.Disconnected, {});
  await session.settle();
  const ended = bodies(bot.requests)[2];
  assert.equal(ended.event_type, 'call_ended');
  assert.equal(ended.call_id, call.id);
  assert.equal(ended.phone_number, '79169876543');
  only(session, 'asr.stop');
  only(session, 'VoxEngine.terminate');
  assert.ok(session.indexOf('Net.httpRequestAsync') < session.indexOf('VoxEngine.terminate'));
  checkAgentName(session);
  assertClean(session);

  report.webhook_bot = botSeen(started, createASR, greeting);
  session.dispose();
});

for (const [label, reply] of [
  ['HTTP 500', { code: 500, text: '{"response":"no"}' }],
  ['a timeout', { code: -7, text: '' }],
  ['non-JSON', { code: 200, text: '<html>oops</html>' }],
  ['no response field', { code: 200, text: '{"reply":"x"}' }],
  ['a non-text response', { code: 200, text: '{"response":42}' }],
  ['a rejected request', () => { throw new Error('connection reset'); }],
]) {
  test(`webhook bot: ${label} → the fallback text is said`, { skip: !webhookBot }, async () => {
    const bot = botReplies({ speech_recognized: reply });
    const session = load(webhookBot, { http: bot.handler });
    session.start();
    const call = session.ring();
    await session.settle();
    session.fire(call, CALL_EVENTS.PlaybackFinished, {});
    session.fireASR(session.asrs[0], ASR_EVENTS.Result, { text: 'алло' });
    await session.settle();
    const says = session.calledApis('call.say');
    assert.equal(says.length, 2);
    if (expected) assert.equal(says[1].args[0], expected.fallback_text);
    else assert.ok(says[1].args[0].length > 0);
    /* The turn ends with its playback as usual. */
    session.fire(call, CALL_EVENTS.PlaybackFinished, {});
    session.fireASR(session.asrs[0], ASR_EVENTS.Result, { text: 'ещё раз' });
    await session.settle();
    assert.equal(bot.requests.length, 3);
    assertClean(session);
    if (label === 'HTTP 500') report.webhook_bot_fallback = says[1].args[0];
    session.dispose();
  });
}

test('webhook bot: failing bot on hang-up still terminates once', { skip: !webhookBot }, async () => {
  const bot = botReplies({ call_ended: { code: -4, text: '' }, call_started: { code: 200, text: '{"response":""}' } });
  const session = load(webhookBot, { http: bot.handler });
  session.start();
  const call = session.ring();
  await session.settle();
  assert.equal(session.calledApis('call.say').length, 0, 'an empty reply says nothing');
  session.fire(call, CALL_EVENTS.Disconnected, {});
  session.fire(call, CALL_EVENTS.Failed, { code: 500 });
  await session.settle();
  assert.deepEqual(bodies(bot.requests).map((b) => b.event_type), ['call_started', 'call_ended']);
  only(session, 'VoxEngine.terminate');
  assertClean(session);
  session.dispose();
});

test('webhook bot: caller hangs up while the bot is thinking', { skip: !webhookBot }, async () => {
  let release;
  const pending = new Promise((resolve) => { release = resolve; });
  const bot = botReplies({ call_started: () => pending.then(() => ({ code: 200, text: '{"response":"поздно"}' })) });
  const session = load(webhookBot, { http: bot.handler });
  session.start();
  const call = session.ring();
  await session.settle();
  session.fire(call, CALL_EVENTS.Disconnected, {});
  await session.settle();
  release();
  await session.settle();
  assert.equal(session.calledApis('call.say').length, 0, 'nothing is said to a call that is gone');
  only(session, 'VoxEngine.terminate');
  assertClean(session);
  session.dispose();
});

/* ------------------------------------------------------------------ */
/* Outbound with the webhook bot                                      */
/* ------------------------------------------------------------------ */

test('outbound webhook bot: call-list row answered → the bot talks, result confirmed before terminate', { skip: !outboundBot }, async () => {
  const bot = botReplies();
  const session = load(outboundBot, { customData: callListRow(), http: bot.handler });
  const { dial, call } = await rowAnswered(session);
  assert.equal(session.clients.length, 0, 'no ElevenLabs agent');
  const createASR = only(session, 'VoxEngine.createASR');
  if (expected) assert.equal(createASR.plain[0].profile, expected.asr_profile);
  const started = only(session, 'Net.httpRequestAsync');
  if (expected) assert.equal(started.args[0], expected.webhook_url);
  const startedBody = JSON.parse(started.args[1].postData);
  assert.equal(startedBody.event_type, 'call_started');
  assert.equal(startedBody.phone_number, '+79161234567', 'the bot learns whom it talks to');
  assert.equal(startedBody.call_id, call.id);
  if (expected) assert.deepEqual(startedBody.custom_data, { tenant_slug: expected.tenant_slug, language: expected.language });
  const greeting = only(session, 'call.say');
  if (expected) assert.equal(greeting.plain[1].voice, expected.tts_voice);

  session.fire(call, CALL_EVENTS.PlaybackFinished, {});
  session.fireASR(session.asrs[0], ASR_EVENTS.Result, { text: 'да' });
  await session.settle();
  assert.equal(session.calledApis('call.say')[1].args[0], 'Вы сказали: да');

  session.fire(call, CALL_EVENTS.Disconnected, {});
  await session.settle();
  assert.deepEqual(bodies(bot.requests).map((b) => b.event_type), ['call_started', 'speech_recognized', 'call_ended']);
  const result = only(session, 'CallList.reportResult');
  assert.equal(result.plain[0].outcome, 'answered');
  assert.equal(session.calledApis('CallList.reportError').length, 0);
  only(session, 'asr.stop');
  only(session, 'VoxEngine.terminate');
  assertReportedBeforeEnd(session);
  checkAgentName(session);
  assertClean(session);

  report.outbound_webhook_bot = Object.assign(botSeen(started, createASR, greeting), { callerId: dial.args[1] });
  session.dispose();
});

test('outbound webhook bot: busy → reportError, no bot request', { skip: !outboundBot }, async () => {
  const bot = botReplies();
  const session = load(outboundBot, { customData: callListRow(), http: bot.handler });
  const { call } = await dialled(session);
  session.fire(call, CALL_EVENTS.Failed, { code: 486, reason: 'Busy' });
  await session.settle();
  assert.equal(only(session, 'CallList.reportError').plain[0].outcome, 'busy');
  assert.equal(bot.requests.length, 0);
  assertEndedAfterReport(session);
});

test('outbound webhook bot: "call me" run makes no CallList calls', { skip: !outboundBot }, async () => {
  const bot = botReplies();
  const session = load(outboundBot, {
    customData: JSON.stringify({ mode: 'callme', phone_number: '79161234567' }),
    http: bot.handler,
  });
  const { call } = await dialled(session);
  session.fire(call, CALL_EVENTS.Connected, {});
  await session.settle();
  session.fire(call, CALL_EVENTS.Disconnected, {});
  await session.settle();
  assert.deepEqual(bodies(bot.requests).map((b) => b.event_type), ['call_started', 'call_ended']);
  assertNoCallList(session);
  only(session, 'VoxEngine.terminate');
  assertClean(session);
  session.dispose();
});
