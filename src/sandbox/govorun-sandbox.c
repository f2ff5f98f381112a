/* govorun-sandbox.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunSandbox"

#include "config.h"

#include "govorun-sandbox.h"

/*
 * The sandbox runs the provider emulators (Voximplant, ElevenLabs,
 * Bitrix24) and a webhook receiver in-process on loopback and fills them
 * with demo data. The application points its endpoints at them;
 * nothing else in the code knows it is a sandbox.
 */

struct _GovorunSandbox
{
  GObject                    parent_instance;

  GovorunVoximplantEmulator *voximplant;
  GovorunElevenlabsEmulator *elevenlabs;
  GovorunBitrix24Emulator   *bitrix24;
  GovorunWebhookReceiver    *receiver;
  guint                      history_size;
  gboolean                   russian;  /* demo names in Russian */
};

G_DEFINE_FINAL_TYPE (GovorunSandbox, govorun_sandbox, G_TYPE_OBJECT)

static void
govorun_sandbox_dispose (GObject *object)
{
  GovorunSandbox *self = GOVORUN_SANDBOX (object);

  if (self->voximplant != NULL)
    govorun_emulator_stop (GOVORUN_EMULATOR (self->voximplant));
  if (self->elevenlabs != NULL)
    govorun_emulator_stop (GOVORUN_EMULATOR (self->elevenlabs));
  if (self->bitrix24 != NULL)
    govorun_emulator_stop (GOVORUN_EMULATOR (self->bitrix24));
  g_clear_object (&self->bitrix24);
  g_clear_object (&self->receiver);

  g_clear_object (&self->voximplant);
  g_clear_object (&self->elevenlabs);

  G_OBJECT_CLASS (govorun_sandbox_parent_class)->dispose (object);
}

static void
govorun_sandbox_class_init (GovorunSandboxClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = govorun_sandbox_dispose;
}

static void
govorun_sandbox_init (GovorunSandbox *self)
{
  self->voximplant = govorun_voximplant_emulator_new ();
  self->elevenlabs = govorun_elevenlabs_emulator_new ();
  self->bitrix24 = govorun_bitrix24_emulator_new ();
  self->receiver = govorun_webhook_receiver_new ();
  govorun_webhook_receiver_set_path (self->receiver, GOVORUN_SANDBOX_WEBHOOK_PATH);
  self->history_size = GOVORUN_SANDBOX_DEFAULT_HISTORY_SIZE;
}

GovorunSandbox *
govorun_sandbox_new (void)
{
  return g_object_new (GOVORUN_TYPE_SANDBOX, NULL);
}

/* What the demo businesses and their agents are called, in the UI's
 * language: a Russian session meets Russian names. Logins (account names)
 * stay Latin, as Voximplant makes them. */
typedef struct
{
  const char *clinic_company;
  const char *hotel_company;
  const char *reception;
  const char *reception_greeting;
  const char *reminders;
  const char *reminders_greeting;
  const char *concierge;
  const char *concierge_greeting;
  const char *concierge_language;
} DemoNames;

static const DemoNames english_names = {
  "Zdorovye Clinic LLC",
  "Hotel Royal",
  "Reception (clinic)",
  "Здравствуйте! Вы позвонили в клинику. Я виртуальный ассистент, разговор записывается. Чем могу помочь?",
  "Appointment reminders",
  "Добрый день! Это голосовой робот клиники, звонок записывается.",
  "Hotel concierge",
  "Hello! This is the hotel's AI concierge. This call is recorded.",
  "en",
};

static const DemoNames russian_names = {
  "ООО „Клиника Здоровье“",
  "Гостиница „Роял“",
  "Администратор клиники „Здоровье“",
  "Здравствуйте! Вы позвонили в клинику «Здоровье». Я виртуальный ассистент, разговор записывается. Чем могу помочь?",
  "Напоминания о приёме",
  "Добрый день! Это голосовой робот клиники «Здоровье», звонок записывается.",
  "Консьерж гостиницы „Роял“",
  "Здравствуйте! Это виртуальный консьерж гостиницы «Роял». Разговор записывается.",
  "ru",
};

/* A "call me" session of the Voximplant emulator reaches the agent its
 * scenario names, as the real bridge does. */
static char *
link_run (const char *scenario_script,
          const char *remote_number,
          guint       ring_ms,
          guint       talk_ms,
          gpointer    user_data)
{
  GovorunSandbox *self = user_data;

  return govorun_elevenlabs_emulator_add_phone_conversation (self->elevenlabs, scenario_script, remote_number,
                                                             ring_ms, talk_ms);
}

static void
seed (GovorunSandbox *self)
{
  const DemoNames *names = self->russian ? &russian_names : &english_names;
  g_autofree char *a1 = NULL;
  g_autofree char *a2 = NULL;
  g_autofree char *a3 = NULL;

  /* Account names are logins, as Voximplant makes them: they go into
   * application domains ("app.demo-clinic.n1.voximplant.com"). */
  govorun_voximplant_emulator_add_account (self->voximplant, GOVORUN_SANDBOX_VOX_ACCOUNT_ID,
                                           "demo-clinic", "owner@demo-clinic.example",
                                           GOVORUN_SANDBOX_VOX_API_KEY, 1234.50, "RUB");
  govorun_voximplant_emulator_set_account_holder (self->voximplant, GOVORUN_SANDBOX_VOX_ACCOUNT_ID,
                                                  names->clinic_company, "");
  govorun_voximplant_emulator_add_account (self->voximplant, GOVORUN_SANDBOX_VOX2_ACCOUNT_ID,
                                           "hotel-royal", "it@hotel-royal.example",
                                           GOVORUN_SANDBOX_VOX2_API_KEY, 530.75, "RUB");
  govorun_voximplant_emulator_set_account_holder (self->voximplant, GOVORUN_SANDBOX_VOX2_ACCOUNT_ID,
                                                  names->hotel_company, "");

  /* Campaigns' call lists dial a minute of calling hours a second. */
  govorun_voximplant_emulator_set_call_list_speed (self->voximplant, 60);

  /* Countries, regions and numbers for sale, as in the emulator's header. */
  govorun_voximplant_emulator_seed_phone_inventory (self->voximplant);

  govorun_voximplant_emulator_set_run_hook (self->voximplant, link_run, self);
  govorun_elevenlabs_emulator_add_key (self->elevenlabs, GOVORUN_SANDBOX_EL_API_KEY, TRUE);
  govorun_elevenlabs_emulator_set_subscription (self->elevenlabs, "creator", 41250, 100000);
  a1 = govorun_elevenlabs_emulator_add_agent (self->elevenlabs, names->reception,
                                              names->reception_greeting, "ru");
  a2 = govorun_elevenlabs_emulator_add_agent (self->elevenlabs, names->reminders,
                                              names->reminders_greeting, "ru");
  a3 = govorun_elevenlabs_emulator_add_agent (self->elevenlabs, names->concierge,
                                              names->concierge_greeting, names->concierge_language);

  /* Both emulators serve the same generated calls, ending now. */
  {
    g_autoptr(GovorunCallHistory) history =
      govorun_call_history_new (GOVORUN_SANDBOX_HISTORY_SEED, self->history_size, 90,
                                g_get_real_time () / G_USEC_PER_SEC);

    govorun_call_history_add_agent (history, a1, GOVORUN_SANDBOX_DEMO_NUMBER,
                                    GOVORUN_HISTORY_DOMAIN_CLINIC, FALSE);
    govorun_call_history_add_agent (history, a2, GOVORUN_SANDBOX_DEMO_NUMBER,
                                    GOVORUN_HISTORY_DOMAIN_CLINIC, TRUE);
    govorun_call_history_add_agent (history, a3, GOVORUN_SANDBOX_DEMO_NUMBER,
                                    GOVORUN_HISTORY_DOMAIN_HOTEL, FALSE);
    govorun_voximplant_emulator_set_call_history (self->voximplant, GOVORUN_SANDBOX_VOX_ACCOUNT_ID, history);
    govorun_elevenlabs_emulator_set_call_history (self->elevenlabs, history);
  }
}

/**
 * govorun_sandbox_set_language:
 * @language: the UI's language, e.g. "ru" or "en"
 *
 * The language of the demo names (agents, companies); takes effect at
 * start. The application passes its own: nothing in the sandbox reads the
 * environment. Russian for "ru…", English otherwise (the default).
 */
void
govorun_sandbox_set_language (GovorunSandbox *self,
                              const char     *language)
{
  g_return_if_fail (GOVORUN_IS_SANDBOX (self));

  self->russian = language != NULL && g_ascii_strncasecmp (language, "ru", 2) == 0;
}

/**
 * govorun_sandbox_set_history_size:
 * @n_calls: 1..1,000,000
 *
 * How many calls the generated history holds; takes effect at start.
 */
void
govorun_sandbox_set_history_size (GovorunSandbox *self,
                                  guint           n_calls)
{
  g_return_if_fail (GOVORUN_IS_SANDBOX (self));
  g_return_if_fail (n_calls >= 1 && n_calls <= 1000000);

  self->history_size = n_calls;
}

gboolean
govorun_sandbox_start (GovorunSandbox  *self,
                       GError         **error)
{
  g_return_val_if_fail (GOVORUN_IS_SANDBOX (self), FALSE);

  if (!govorun_emulator_start (GOVORUN_EMULATOR (self->voximplant), error) ||
      !govorun_emulator_start (GOVORUN_EMULATOR (self->elevenlabs), error) ||
      !govorun_emulator_start (GOVORUN_EMULATOR (self->bitrix24), error) ||
      !govorun_webhook_receiver_start (self->receiver, error))
    return FALSE;

  seed (self);

  return TRUE;
}

GovorunVoximplantEmulator *
govorun_sandbox_get_voximplant (GovorunSandbox *self)
{
  g_return_val_if_fail (GOVORUN_IS_SANDBOX (self), NULL);

  return self->voximplant;
}

GovorunElevenlabsEmulator *
govorun_sandbox_get_elevenlabs (GovorunSandbox *self)
{
  g_return_val_if_fail (GOVORUN_IS_SANDBOX (self), NULL);

  return self->elevenlabs;
}

const char *
govorun_sandbox_get_voximplant_url (GovorunSandbox *self)
{
  g_return_val_if_fail (GOVORUN_IS_SANDBOX (self), NULL);

  return govorun_emulator_get_base_url (GOVORUN_EMULATOR (self->voximplant));
}

const char *
govorun_sandbox_get_elevenlabs_url (GovorunSandbox *self)
{
  g_return_val_if_fail (GOVORUN_IS_SANDBOX (self), NULL);

  return govorun_emulator_get_base_url (GOVORUN_EMULATOR (self->elevenlabs));
}

GovorunBitrix24Emulator *
govorun_sandbox_get_bitrix24 (GovorunSandbox *self)
{
  g_return_val_if_fail (GOVORUN_IS_SANDBOX (self), NULL);

  return self->bitrix24;
}

/* The demo portal's incoming webhook, to try a Bitrix24 target offline. */
char *
govorun_sandbox_get_bitrix24_webhook_url (GovorunSandbox *self)
{
  g_return_val_if_fail (GOVORUN_IS_SANDBOX (self), NULL);

  return govorun_bitrix24_emulator_get_webhook_url (self->bitrix24);
}

/* The sandbox's own webhook receiver, to try a webhook target offline. Its
 * port, like the emulators', is a free one chosen at each start. */
GovorunWebhookReceiver *
govorun_sandbox_get_webhook_receiver (GovorunSandbox *self)
{
  g_return_val_if_fail (GOVORUN_IS_SANDBOX (self), NULL);

  return self->receiver;
}

const char *
govorun_sandbox_get_webhook_url (GovorunSandbox *self)
{
  g_return_val_if_fail (GOVORUN_IS_SANDBOX (self), NULL);

  return govorun_webhook_receiver_get_url (self->receiver);
}

/**
 * govorun_sandbox_add_demo_number:
 *
 * Gives the demo clinic account a Moscow number that nothing is bound to,
 * so an agent can be created before buying anything. The application calls
 * it; tests that count numbers leave it out.
 */
void
govorun_sandbox_add_demo_number (GovorunSandbox *self)
{
  g_return_if_fail (GOVORUN_IS_SANDBOX (self));

  govorun_voximplant_emulator_add_owned_number (self->voximplant, GOVORUN_SANDBOX_VOX_ACCOUNT_ID,
                                                GOVORUN_SANDBOX_DEMO_NUMBER, "RU", "GEOGRAPHIC",
                                                "Moscow");
}
