/* vox-emu-fixture.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-voximplant-emulator.h"

G_BEGIN_DECLS

/*
 * What the Voximplant emulator tests share: two accounts on a started
 * emulator, requests and their parsed answers, and the provisioning calls
 * most tests begin with. Every test checks that no secret reached the log.
 */

#define ACCOUNT_ID     1001
#define ACCOUNT_NAME   "acme"
#define ACCOUNT_EMAIL  "owner@acme.test"
#define API_KEY        "6f1c2a4e-secret-api-key-1001"
#define OTHER_ID       1002
#define OTHER_API_KEY  "0b9d-secret-api-key-1002"

typedef struct
{
  GovorunVoximplantEmulator *emulator;
  SoupSession               *session;
} Fixture;

typedef struct
{
  guint       status;
  JsonNode   *root;
  GError     *error;
  gint64      elapsed_ms;
  char       *content_type;
} Answer;

/* g_test_init, and the log capture the fixture checks. */
void vox_emu_test_init (int    *argc,
                        char ***argv);

#define VOX_EMU_TEST_ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

void fixture_setup (Fixture       *fixture,
                    gconstpointer  data);

void fixture_teardown (Fixture       *fixture,
                       gconstpointer  data);

void answer_clear (Answer *answer);

/* Sends @msg (with an optional bearer token) and parses the JSON answer. */
void send_message (Fixture     *fixture,
                   SoupMessage *msg,
                   const char  *bearer,
                   Answer      *answer);

char *url_for (Fixture    *fixture,
               const char *path_and_query);

void get (Fixture    *fixture,
          const char *path_and_query,
          const char *bearer,
          Answer     *answer);

void post_form (Fixture    *fixture,
                const char *path_and_query,
                const char *form,
                Answer     *answer);

JsonObject *result_object (Answer *answer);

/* Checks the documented error envelope, with both "error" and "errors". */
void assert_api_error (Answer *answer,
                       guint   status,
                       int     code);

void assert_account_1001 (JsonObject *result);

/* POSTs a path-style urlencoded request for account 1001 (or @account_id
 * when it is OTHER_ID) with NULL-terminated name/value pairs. */
void api_as (Fixture    *fixture,
             gint64      account_id,
             const char *method,
             Answer     *answer,
             ...);
#define api(fixture, method, answer, ...) \
  api_as (fixture, ACCOUNT_ID, method, answer, __VA_ARGS__)

/* Ids as parameter text, from a small ring of buffers so several can be
 * passed in one call without leaking. */
const char *id_str (gint64 id);

const char *id_pair (gint64 first,
                     gint64 second);

/* The whole root object of a successful answer. */
JsonObject *ok_root (Answer *answer);

/* A mutation's documented {"result": 1, …}. */
JsonObject *ok_mutation (Answer *answer);

/* A list answer: checks count and total_count and returns the items. */
JsonArray *ok_list (Answer *answer,
                    guint   count,
                    guint   total_count);

JsonObject *item (JsonArray *array,
                  guint      index);

/* The error msg of an API error answer, which names the parameter. */
const char *error_msg (Answer *answer);

void expect_error (Answer *answer,
                   int     code);

gint64 add_application (Fixture    *fixture,
                        const char *name);

gint64 add_scenario (Fixture    *fixture,
                     const char *name,
                     const char *script);

gint64 add_rule (Fixture    *fixture,
                 const char *application_name,
                 const char *rule_name,
                 const char *pattern,
                 const char *scenario_names);

double balance_of (Fixture *fixture);

gint64 region_stock (Fixture    *fixture,
                     const char *country,
                     const char *category,
                     const char *state,
                     const char *region_id);

gboolean is_date (const char *text);

gboolean is_timestamp (const char *text);

G_END_DECLS
