import { describePropertyPartRoutes } from '../../test-support/property-part-routes.ts';

describePropertyPartRoutes({ noun: 'locations', names: { existing: 'Tvättstuga', created: 'Vind 1', renamed: 'Vind 2', withUnknownField: 'Vind 3', byViewer: 'Vind V' } });
