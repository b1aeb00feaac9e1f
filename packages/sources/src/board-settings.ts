import { z } from 'zod';
import { ashbyAdapter } from './ashby';
import { boardUrlTemplate } from './ats-common';
import { bambooHrAdapter } from './bamboohr';
import { greenhouseAdapter } from './greenhouse';
import { joinAdapter } from './join';
import { leverAdapter } from './lever';
import { personioAdapter } from './personio';
import { recruiteeAdapter } from './recruitee';
import { smartRecruitersAdapter } from './smartrecruiters';
import { teamtailorAdapter } from './teamtailor';
import type { SourceAdapter } from './types';
import { workableAdapter } from './workable';
import { workdayAdapter } from './workday';

const baseUrl = (fallback: string, what: string) =>
  z
    .url({ protocol: /^https?$/, error: 'not an http(s) URL' })
    .default(fallback)
    .describe(`base URL of ${what} (default ${fallback})`);

/**
 * Where each company-board ATS lives (`<TYPE>_API_BASE`): one zod shape, extended by every app
 * that reads boards (the scraper; jobs-api for the detection preview), so tests and staging
 * point them all at a loopback server or a mirror in one way. ATSs that serve each company on
 * its own subdomain take a template with `{board}`.
 */
export const boardApiBaseFields = {
  GREENHOUSE_API_BASE: baseUrl('https://boards-api.greenhouse.io', 'the Greenhouse job board API'),
  LEVER_API_BASE: baseUrl('https://api.lever.co', 'the Lever postings API (https://api.eu.lever.co for the EU instance)'),
  ASHBY_API_BASE: baseUrl('https://api.ashbyhq.com', 'the Ashby job posting API'),
  WORKABLE_API_BASE: baseUrl('https://apply.workable.com', "Workable's public jobs widget API"),
  SMARTRECRUITERS_API_BASE: baseUrl('https://api.smartrecruiters.com', 'the SmartRecruiters Posting API'),
  RECRUITEE_API_BASE: boardUrlTemplate('https://{board}.recruitee.com', 'a Recruitee careers site'),
  PERSONIO_API_BASE: boardUrlTemplate('https://{board}.jobs.personio.de', "a Personio careers page's XML feed"),
  TEAMTAILOR_API_BASE: boardUrlTemplate('https://{board}.teamtailor.com', "a Teamtailor career site's RSS feed"),
  BAMBOOHR_API_BASE: boardUrlTemplate('https://{board}.bamboohr.com', 'a BambooHR careers page'),
  JOIN_API_BASE: baseUrl('https://join.com', 'JOIN (company pages and its public jobs API)'),
  WORKDAY_API_BASE: boardUrlTemplate('https://{board}.myworkdayjobs.com', "a Workday career site ({board} is <tenant>.wd<N>)"),
};

export type BoardApiBases = { [K in keyof typeof boardApiBaseFields]: string };

/** The company-board adapters (every ATS), from their base URLs. */
export function createBoardAdapters(config: BoardApiBases) {
  return {
    greenhouse: greenhouseAdapter(config.GREENHOUSE_API_BASE),
    lever: leverAdapter(config.LEVER_API_BASE),
    ashby: ashbyAdapter(config.ASHBY_API_BASE),
    workable: workableAdapter(config.WORKABLE_API_BASE),
    smartrecruiters: smartRecruitersAdapter(config.SMARTRECRUITERS_API_BASE),
    recruitee: recruiteeAdapter(config.RECRUITEE_API_BASE),
    personio: personioAdapter(config.PERSONIO_API_BASE),
    teamtailor: teamtailorAdapter(config.TEAMTAILOR_API_BASE),
    bamboohr: bambooHrAdapter(config.BAMBOOHR_API_BASE),
    join: joinAdapter(config.JOIN_API_BASE),
    workday: workdayAdapter(config.WORKDAY_API_BASE),
  } satisfies Record<string, SourceAdapter>;
}

/**
 * Every company board at one server (a loopback stand-in or a staging mirror): plain bases as
 * they are, per-company templates as `<server>/<type>/{board}`.
 */
export function boardApiBasesAt(server: string): BoardApiBases {
  const base = server.replace(/\/+$/, '');
  const at = (type: string) => `${base}/${type}/{board}`;
  return {
    GREENHOUSE_API_BASE: base,
    LEVER_API_BASE: base,
    ASHBY_API_BASE: base,
    WORKABLE_API_BASE: base,
    SMARTRECRUITERS_API_BASE: base,
    RECRUITEE_API_BASE: at('recruitee'),
    PERSONIO_API_BASE: at('personio'),
    TEAMTAILOR_API_BASE: at('teamtailor'),
    BAMBOOHR_API_BASE: at('bamboohr'),
    JOIN_API_BASE: base,
    WORKDAY_API_BASE: at('workday'),
  };
}
