import { describePropertyPartRoutes } from '../../test-support/property-part-routes.ts';

describePropertyPartRoutes({ noun: 'buildings', names: { existing: 'Hus A', created: 'Hus B', renamed: 'Hus C', withUnknownField: 'Hus D', byViewer: 'Hus V' } });
