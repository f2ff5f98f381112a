/*
 * The conversation with your HTTP bot: Voximplant recognises what the
 * other party says, your bot answers, Voximplant says the answer.
 *
 * The bot contract is the one of the manual setup guide, so an existing bot
 * works unchanged: POST JSON {event_type: "call_started" | "speech_recognized"
 * | "call_ended", call_id, phone_number, text (speech_recognized only),
 * custom_data: {tenant_slug, language}}; the bot answers {"response": "text
 * to say"}. Recognition streams (no record-then-recognise).
 */
require(Modules.ASR);

const BOT_URL = __GOVORUN_WEBHOOK_URL__;
const TENANT_SLUG = __GOVORUN_TENANT_SLUG__;
/* The language the bot is asked to answer in. */
const LANGUAGE = __GOVORUN_LANGUAGE__;
/* Said when the bot fails: no answer, an error status, or no "response". */
const FALLBACK_TEXT = __GOVORUN_FALLBACK_TEXT__;
const ASR_PROFILE = __GOVORUN_ASR_PROFILE__;
const TTS_VOICE = __GOVORUN_TTS_VOICE__;
/* Seconds the bot has to answer. */
const BOT_TIMEOUT_S = 10;

/* Posts one event; resolves to the reply text, or null if the bot failed. */
async function askBot(body) {
  let response;
  try {
    response = await Net.httpRequestAsync(BOT_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      postData: JSON.stringify(body),
      timeout: BOT_TIMEOUT_S,
    });
  } catch (err) {
    log('bot request failed: ' + (err && err.message ? err.message : err));
    return null;
  }
  if (!(response.code >= 200 && response.code < 300)) {
    log('bot answered ' + response.code + ' to ' + body.event_type);
    return null;
  }
  let data;
  try {
    data = JSON.parse(response.text);
  } catch (err) {
    log('bot answer to ' + body.event_type + ' is not JSON');
    return null;
  }
  if (data === null || typeof data !== 'object' || typeof data.response !== 'string') {
    log('bot answer to ' + body.event_type + ' has no "response" text');
    return null;
  }
  return data.response;
}

/* The bot's side of one call with phoneNumber: start() once the call is
 * connected, end(notify) once it is over (notify: tell the bot). */
function botConversation(call, phoneNumber) {
  let asr = null;
  /* A turn runs from a bot request until its reply has been said; what is
   * recognised meanwhile is the other party talking over the bot and is
   * dropped. */
  let busy = false;
  let finished = false;

  function event(eventType, text) {
    const body = {
      event_type: eventType,
      call_id: String(call.id()),
      phone_number: phoneNumber,
      custom_data: { tenant_slug: TENANT_SLUG, language: LANGUAGE },
    };
    if (text !== undefined) body.text = text;
    return body;
  }

  async function turn(body) {
    busy = true;
    const reply = await askBot(body);
    if (finished) return;
    const text = reply === null ? FALLBACK_TEXT : reply;
    if (text === '') {
      busy = false;
      return;
    }
    call.say(text, { voice: TTS_VOICE });
  }

  call.addEventListener(CallEvents.PlaybackFinished, () => {
    busy = false;
  });

  return {
    start() {
      asr = VoxEngine.createASR({ profile: ASR_PROFILE, singleUtterance: false });
      asr.addEventListener(ASREvents.Result, (ev) => {
        const text = String(ev.text || '').trim();
        if (finished || text === '') return;
        if (busy) {
          log('speech ignored while the bot answers');
          return;
        }
        turn(event('speech_recognized', text));
      });
      asr.addEventListener(ASREvents.ASRError, (ev) => {
        log('speech recognition error: ' + (ev && ev.error ? ev.error : 'unknown'));
      });
      call.sendMediaTo(asr);
      turn(event('call_started'));
    },

    async end(notify) {
      if (finished) return;
      finished = true;
      if (asr !== null) asr.stop();
      /* The bot's answer does not matter any more; a failure neither. */
      if (notify) await askBot(event('call_ended'));
    },
  };
}
