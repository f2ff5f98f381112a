/* govorun-phone-library.cc
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "govorun-phone-library.h"

#include <cstring>
#include <string>

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

using i18n::phonenumbers::NullLogger;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

/* The library's singleton, with its logger silenced once: a contact list of
 * a million bad numbers must not write a million lines to the journal. */
static PhoneNumberUtil *
util (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      PhoneNumberUtil::GetInstance ()->SetLogger (new NullLogger ());
      g_once_init_leave (&once, 1);
    }
  return PhoneNumberUtil::GetInstance ();
}

static void
copy_region (const std::string &region,
             char               out[4])
{
  out[0] = '\0';
  if (region.size () == 2 && region != "ZZ")
    memcpy (out, region.c_str (), 3);
}

void
_govorun_phone_library_parse (const char         *digits,
                              const char         *region,
                              GovorunPhoneResult *out)
{
  try
    {
      PhoneNumberUtil *u = util ();
      PhoneNumber number;
      std::string e164, number_region;
      PhoneNumberUtil::ErrorType err;

      out->e164[0] = '\0';
      err = u->Parse (digits, region != NULL ? region : "RU", &number);
      switch (err)
        {
        case PhoneNumberUtil::NO_PARSING_ERROR:
          break;
        case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
          out->problem = GOVORUN_PHONE_INVALID_COUNTRY;
          return;
        case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
        case PhoneNumberUtil::TOO_SHORT_NSN:
          out->problem = GOVORUN_PHONE_TOO_SHORT;
          return;
        case PhoneNumberUtil::TOO_LONG_NSN:
          out->problem = GOVORUN_PHONE_TOO_LONG;
          return;
        case PhoneNumberUtil::NOT_A_NUMBER:
        default:
          out->problem = GOVORUN_PHONE_NOT_A_NUMBER;
          return;
        }

      if (!u->IsValidNumber (number))
        {
          switch (u->IsPossibleNumberWithReason (number))
            {
            case PhoneNumberUtil::TOO_SHORT:
              out->problem = GOVORUN_PHONE_TOO_SHORT;
              break;
            case PhoneNumberUtil::TOO_LONG:
              out->problem = GOVORUN_PHONE_TOO_LONG;
              break;
            case PhoneNumberUtil::INVALID_COUNTRY_CODE:
              out->problem = GOVORUN_PHONE_INVALID_COUNTRY;
              break;
            case PhoneNumberUtil::IS_POSSIBLE:
            case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY:
            case PhoneNumberUtil::INVALID_LENGTH:
            default:
              out->problem = GOVORUN_PHONE_INVALID;
              break;
            }
          return;
        }

      u->Format (number, PhoneNumberUtil::E164, &e164);
      /* E.164 allows 15 digits; the library's metadata accepts a few
       * longer (found by the fuzzer: a 16-digit German number). */
      if (e164.size () > 16)
        {
          out->problem = GOVORUN_PHONE_TOO_LONG;
          return;
        }
      memcpy (out->e164, e164.c_str (), e164.size () + 1);
      u->GetRegionCodeForNumber (number, &number_region);
      copy_region (number_region, out->region);
      out->problem = GOVORUN_PHONE_VALID;
    }
  catch (...)
    {
      out->e164[0] = '\0';
      out->problem = GOVORUN_PHONE_NOT_A_NUMBER;
    }
}

gboolean
_govorun_phone_library_region_of (const char *e164,
                                  char        region[4])
{
  try
    {
      PhoneNumberUtil *u = util ();
      PhoneNumber number;
      std::string number_region;

      region[0] = '\0';
      if (u->Parse (e164, "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return FALSE;
      u->GetRegionCodeForNumber (number, &number_region);
      copy_region (number_region, region);
      return region[0] != '\0';
    }
  catch (...)
    {
      return FALSE;
    }
}
