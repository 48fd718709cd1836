import { CaseStudies } from './CaseStudies'
import { Glossaries } from './Glossaries'
import { GlossaryTerms } from './GlossaryTerms'
import { Playbooks } from './Playbooks'
import { Tags } from './Tags'
import { Users } from './Users'

export const collections = [GlossaryTerms, Glossaries, Tags, CaseStudies, Playbooks, Users]
